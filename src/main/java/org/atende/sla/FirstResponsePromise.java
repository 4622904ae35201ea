package org.atende.sla;

import java.time.Instant;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

/**
 * What the desk tells a customer about a new ticket's first answer: the target of its priority (none for
 * technical service), when it falls, and, when the desk is closed now, when it opens next; times are
 * shown in {@code zone}, the support calendar's.
 */
public record FirstResponsePromise(@Nullable SlaTarget target, @Nullable Instant dueAt, @Nullable Instant opensAt, ZoneId zone) {
}
