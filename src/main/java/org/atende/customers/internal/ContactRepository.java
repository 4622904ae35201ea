package org.atende.customers.internal;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface ContactRepository extends Repository<Contact, Long> {

    Contact save(Contact contact);

    Optional<Contact> findById(Long id);

    @Query("SELECT COUNT(*) > 0 FROM contact WHERE email = :email AND id <> :exceptId")
    boolean emailTaken(String email, long exceptId);
}
