package org.atende.notifications;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** An outgoing message with its state: attempts so far, the next one, and the last error. */
public record OutgoingView(long id, Outgoing message, OutgoingState state, int attempts, Instant nextAttemptAt,
        @Nullable String lastError, Instant createdAt, @Nullable Instant sentAt) {
}
