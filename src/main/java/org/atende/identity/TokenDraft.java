package org.atende.identity;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** What a token is issued with: a name saying where it is used, and optionally when it stops working. */
public record TokenDraft(String name, @Nullable Instant expiresAt) {
}
