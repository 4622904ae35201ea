package org.atende.sla;

import java.time.Instant;

import org.atende.sla.internal.StoredClock;
import org.jspecify.annotations.Nullable;

/**
 * A clock read live at one instant, for screens and the API. {@code remainingSeconds} is negative past
 * the due time; while paused, {@code dueAt} is where the due time would be if the pause ended now.
 * {@code excludedSince} is set while the ticket is technical service, outside the SLA: the clock does
 * not count (its state is PAUSED, or BREACHED if it was missed before) and has no {@code dueAt}, unless
 * it had stopped before, which keeps its outcome and due time. {@code warnAt}: when the clock is at risk.
 */
public record ClockView(ClockState state, @Nullable Instant dueAt, long targetSeconds, long elapsedSeconds,
        long remainingSeconds, boolean breached, @Nullable Instant excludedSince, @Nullable Instant warnAt) {

    static ClockView of(ClockReading reading, StoredClock clock) {
        boolean counts = clock.excludedSince() == null || clock.isStopped();
        return new ClockView(reading.state(), counts ? reading.dueAt() : null, reading.targetSeconds(),
                reading.elapsedSeconds(), reading.remainingSeconds(), reading.breached(), clock.excludedSince(),
                counts ? reading.warnAt() : null);
    }

    /** True while the clock runs past its warning time but not yet past its due time (the queue's "at risk"). */
    public boolean isWarning(Instant now) {
        return state == ClockState.RUNNING && !breached && warnAt != null && !now.isBefore(warnAt);
    }

    /** True while the ticket is technical service and this clock is left out of the SLA ({@code excluded} in JSON). */
    public boolean isExcluded() {
        return excludedSince != null;
    }
}
