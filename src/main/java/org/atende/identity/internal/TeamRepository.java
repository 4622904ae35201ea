package org.atende.identity.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface TeamRepository extends Repository<Team, Long> {

    Team save(Team team);

    Optional<Team> findById(Long id);

    boolean existsById(Long id);

    @Query("SELECT * FROM team ORDER BY name")
    List<Team> findAllByName();

    @Query("SELECT COUNT(*) > 0 FROM team WHERE name = :name AND id <> :exceptId")
    boolean nameTaken(String name, long exceptId);
}
