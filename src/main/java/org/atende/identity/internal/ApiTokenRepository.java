package org.atende.identity.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface ApiTokenRepository extends Repository<ApiToken, Long> {

    ApiToken save(ApiToken token);

    Optional<ApiToken> findById(Long id);

    @Query("SELECT * FROM api_token WHERE user_id = :userId ORDER BY created_at DESC, id DESC")
    List<ApiToken> findByUser(long userId);
}
