package org.atende.customers.internal;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface PlanRepository extends Repository<Plan, Long> {

    Plan save(Plan plan);

    Optional<Plan> findById(Long id);

    boolean existsById(Long id);

    @Query("SELECT COUNT(*) > 0 FROM plan WHERE name = :name AND id <> :exceptId")
    boolean nameTaken(String name, long exceptId);
}
