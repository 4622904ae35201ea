package org.atende.identity.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface UserRepository extends Repository<User, Long> {

    User save(User user);

    Optional<User> findById(Long id);

    Optional<User> findByEmail(String email);

    @Query("SELECT * FROM app_user WHERE team_id = :teamId AND active AND role <> 'CUSTOMER' ORDER BY id")
    List<User> findActiveStaffOfTeam(long teamId);

    @Query("SELECT * FROM app_user WHERE contact_id = :contactId ORDER BY id")
    List<User> findByContact(long contactId);

    @Query("SELECT * FROM app_user WHERE role = :role AND active ORDER BY id")
    List<User> findActiveByRole(String role);

    @Query("SELECT * FROM app_user ORDER BY email LIMIT :size OFFSET :offset")
    List<User> findPage(int size, long offset);

    long count();

    @Query("SELECT COUNT(*) > 0 FROM app_user WHERE email = :email AND id <> :exceptId")
    boolean emailTaken(String email, long exceptId);

    @Query("SELECT COUNT(*) FROM app_user WHERE role = 'ADMIN' AND active AND id <> :exceptId")
    long countActiveAdminsExcept(long exceptId);
}
