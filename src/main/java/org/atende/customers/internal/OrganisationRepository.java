package org.atende.customers.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface OrganisationRepository extends Repository<Organisation, Long> {

    Organisation save(Organisation organisation);

    Optional<Organisation> findById(Long id);

    @Query("SELECT COUNT(*) > 0 FROM organisation WHERE name = :name AND id <> :exceptId")
    boolean nameTaken(String name, long exceptId);

    /** Which of {@code domains} belong to an organisation other than {@code exceptId}. */
    @Query("SELECT domain FROM organisation_domain WHERE domain IN (:domains) AND organisation_id <> :exceptId")
    List<String> domainsOwnedElsewhere(Collection<String> domains, long exceptId);
}
