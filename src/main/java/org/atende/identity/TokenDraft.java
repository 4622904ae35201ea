package org.atende.identity;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a token is issued with: a name saying where it is used, optionally when it stops working, and its
 * kind (an integration unless said otherwise).
 */
public record TokenDraft(String name, @Nullable Instant expiresAt, TokenKind kind) {

    public TokenDraft(String name, @Nullable Instant expiresAt) {
        this(name, expiresAt, TokenKind.INTEGRATION);
    }
}
