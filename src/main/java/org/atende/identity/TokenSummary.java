package org.atende.identity;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An API token as listed: its first characters ({@code prefix}) to recognise it, never the secret.
 * It authenticates while not revoked, not expired and its user is active.
 */
public record TokenSummary(TokenId id, UserId userId, String name, String prefix, Instant createdAt,
        @Nullable Instant expiresAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt, TokenKind kind) {
}
