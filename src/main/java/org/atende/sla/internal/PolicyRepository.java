package org.atende.sla.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

/** Stores SLA policies; only what the sla module uses. */
public interface PolicyRepository extends Repository<PolicyRow, Long> {

    Optional<PolicyRow> findById(Long id);

    Optional<PolicyRow> findByName(String name);

    List<PolicyRow> findAllByOrderByNameAsc();

    PolicyRow save(PolicyRow policy);
}
