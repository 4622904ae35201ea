package org.atende.sla;

import java.time.Instant;

/**
 * A clock as read at one instant. {@code remainingSeconds} is negative past the due time;
 * {@code targetSeconds} of a business-days target is the business time from start to due.
 */
public record ClockReading(ClockState state, Instant dueAt, Instant warnAt, long targetSeconds, long elapsedSeconds,
        long remainingSeconds, boolean breached) {
}
