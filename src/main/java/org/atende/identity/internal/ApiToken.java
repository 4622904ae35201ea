package org.atende.identity.internal;

import java.time.Instant;

import org.atende.identity.TokenId;
import org.atende.identity.TokenKind;
import org.atende.identity.TokenSummary;
import org.atende.identity.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** An API token: the hex SHA-256 of its secret and the secret's first characters, never the secret. */
@Table("api_token")
class ApiToken {

    @Id
    @Column("id")
    private @Nullable Long id;

    @Column("user_id")
    private final long userId;

    @Column("name")
    private final String name;

    @Column("token_hash")
    private final String tokenHash;

    @Column("prefix")
    private final String prefix;

    @Column("created_at")
    private final Instant createdAt;

    @Column("expires_at")
    private final @Nullable Instant expiresAt;

    @Column("last_used_at")
    private @Nullable Instant lastUsedAt;

    @Column("revoked_at")
    private @Nullable Instant revokedAt;

    @Column("kind")
    private final TokenKind kind;

    @PersistenceCreator
    ApiToken(@Nullable Long id, long userId, String name, String tokenHash, String prefix, Instant createdAt,
            @Nullable Instant expiresAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt, TokenKind kind) {
        this.kind = kind;
        this.id = id;
        this.userId = userId;
        this.name = name;
        this.tokenHash = tokenHash;
        this.prefix = prefix;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.lastUsedAt = lastUsedAt;
        this.revokedAt = revokedAt;
    }

    static ApiToken issue(long userId, String name, String tokenHash, String prefix, Instant now,
            @Nullable Instant expiresAt, TokenKind kind) {
        return new ApiToken(null, userId, name, tokenHash, prefix, now, expiresAt, null, null, kind);
    }

    /** Revokes once; revoking again keeps the first time. */
    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    long userId() {
        return userId;
    }

    TokenSummary summary() {
        return new TokenSummary(new TokenId(id), new UserId(userId), name, prefix, createdAt, expiresAt, lastUsedAt,
                revokedAt, kind);
    }
}
