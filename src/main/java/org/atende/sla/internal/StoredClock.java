package org.atende.sla.internal;

import java.time.Instant;

import org.atende.sla.ClockFacts;
import org.atende.sla.ClockState;
import org.jspecify.annotations.Nullable;

/**
 * A clock row with its pauses: the facts it is read from, the calendar it is measured on (null: the
 * support calendar; {@code calendarVersion} is that calendar's {@code updated_at}), its policy's
 * warning share, what was last written: state, due and warning times, and the sweep's marks (a breach at
 * the due time it passed, and when that was noticed), and
 * since when it is excluded from the SLA (its ticket is technical service), if it is.
 */
public record StoredClock(ClockKey key, long policyId, @Nullable Long calendarId, @Nullable Instant calendarVersion,
        int warningPercent, ClockFacts facts, ClockState state, Instant dueAt, Instant warnAt,
        @Nullable Instant warnedAt, @Nullable Instant breachedAt, @Nullable Instant breachNoticedAt,
        @Nullable Instant excludedSince) {

    public StoredClock withFacts(ClockFacts changed) {
        return new StoredClock(key, policyId, calendarId, calendarVersion, warningPercent, changed, state, dueAt, warnAt,
                warnedAt, breachedAt, breachNoticedAt, excludedSince);
    }

    public boolean isStopped() {
        return facts.stoppedAt() != null;
    }

    public boolean isExcluded() {
        return excludedSince != null;
    }
}
