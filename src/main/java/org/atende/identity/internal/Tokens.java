package org.atende.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.atende.customers.ContactId;
import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.IssuedToken;
import org.atende.identity.Role;
import org.atende.identity.TokenDraft;
import org.atende.identity.TokenId;
import org.atende.identity.TokenKind;
import org.atende.identity.TokenSummary;
import org.atende.identity.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, lists and revokes API tokens, and authenticates their secrets: by the secret's SHA-256, for a
 * token neither revoked nor expired, of an active user, its actor then cached a few seconds ({@link RecentActors}).
 * {@code last_used_at} is written at most once a {@link #LAST_USED_RESOLUTION}, so that a busy client does not turn
 * every request into a write.
 */
@Service
@Transactional
public class Tokens {

    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final Instant LATEST_EXPIRY = Instant.parse("9999-12-31T00:00:00Z");

    private final ApiTokenRepository tokens;
    private final UserRepository users;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final RecentActors actors;

    Tokens(ApiTokenRepository tokens, UserRepository users, JdbcClient jdbc, ObjectProvider<Clock> clock, RecentActors actors) {
        this.actors = actors;
        this.tokens = tokens;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    public IssuedToken issue(UserId user, TokenDraft draft) {
        if (users.findById(user.value()).isEmpty()) {
            throw new NoSuchElementException("No user " + user + ".");
        }
        Instant now = clock.instant();
        Problems problems = new Problems();
        String name = Problems.text(draft.name(), "name", 120, problems);
        if (draft.expiresAt() != null && !draft.expiresAt().isAfter(now)) {
            problems.add("expiresAt", "must be in the future");
        } else if (draft.expiresAt() != null && draft.expiresAt().isAfter(LATEST_EXPIRY)) {
            problems.add("expiresAt", "must be before " + LATEST_EXPIRY);
        }
        problems.throwIfInvalid();
        String secret = TokenSecrets.generate();
        ApiToken token = tokens.save(ApiToken.issue(user.value(), name, TokenSecrets.hash(secret),
                TokenSecrets.prefix(secret), now, draft.expiresAt(), draft.kind()));
        return new IssuedToken(token.summary(), secret);
    }

    @Transactional(readOnly = true)
    public Optional<TokenSummary> find(TokenId id) {
        return tokens.findById(id.value()).map(ApiToken::summary);
    }

    @Transactional(readOnly = true)
    public List<TokenSummary> of(UserId user) {
        return tokens.findByUser(user.value()).stream().map(ApiToken::summary).toList();
    }

    public TokenSummary revoke(TokenId id) {
        actors.forgetAll();
        ApiToken token = tokens.findById(id.value()).orElseThrow(() -> new NoSuchElementException("No token " + id + "."));
        token.revoke(clock.instant());
        return tokens.save(token).summary();
    }

    /**
     * The actor behind a token's secret: one indexed read of the token with its user, or none while the
     * {@link RecentActors} cache holds it. Runs outside any transaction; {@code last_used_at} is written by its
     * own statement, at most once a {@link #LAST_USED_RESOLUTION} per token.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Optional<Actor> authenticate(String secret) {
        if (!TokenSecrets.looksValid(secret)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String hash = TokenSecrets.hash(secret);
        RecentActors.Cached cached = actors.find(hash, now);
        if (cached == null) {
            cached = read(hash, now);
            if (cached == null) {
                return Optional.empty();
            }
        }
        if (cached.lastUsedAt() == null || !cached.lastUsedAt().isAfter(now.minus(LAST_USED_RESOLUTION))) {
            jdbc.sql("""
                    UPDATE api_token SET last_used_at = ?
                    WHERE id = ? AND (last_used_at IS NULL OR last_used_at <= ?)""")
                    .params(Timestamp.from(now), cached.tokenId(), Timestamp.from(now.minus(LAST_USED_RESOLUTION)))
                    .update();
            actors.used(hash, cached, now);
        }
        return Optional.of(cached.actor());
    }

    private RecentActors.@Nullable Cached read(String hash, Instant now) {
        return jdbc.sql("""
                SELECT t.id, t.kind, t.expires_at, t.last_used_at, u.id AS user_id, u.name, u.role, u.organisation_id, u.contact_id
                FROM api_token t JOIN app_user u ON u.id = t.user_id
                WHERE t.token_hash = ? AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?)
                  AND u.active""")
                .params(hash, Timestamp.from(now))
                .query((rs, row) -> {
                    long organisation = rs.getLong("organisation_id");
                    OrganisationId organisationId = rs.wasNull() ? null : new OrganisationId(organisation);
                    long contact = rs.getLong("contact_id");
                    ContactId contactId = rs.wasNull() ? null : new ContactId(contact);
                    Timestamp expires = rs.getTimestamp("expires_at");
                    Timestamp lastUsed = rs.getTimestamp("last_used_at");
                    return actors.keep(hash, rs.getLong("id"), new Actor(new UserId(rs.getLong("user_id")), rs.getString("name"),
                            Role.valueOf(rs.getString("role")), organisationId, contactId, TokenKind.valueOf(rs.getString("kind"))),
                            expires == null ? null : expires.toInstant(), lastUsed == null ? null : lastUsed.toInstant());
                })
                .optional().orElse(null);
    }

}
