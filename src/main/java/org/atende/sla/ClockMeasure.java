package org.atende.sla;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a clock counted, for reports: its state, whether it has stopped, the business time it counted
 * ({@code elapsedSeconds}) and the business time its pauses took out ({@code pausedSeconds}: the
 * calendar's business time from start to stop, or now, less what the clock counted), its due time,
 * since when it is excluded from the SLA (technical service), if it is; {@code pausedSince}: the start
 * of the pause it is in (a running clock that waits), if any; {@code breachedAt}: when it passed its
 * target (its due time) if it has, and {@code breachNoticedAt} when the desk marked that.
 */
public record ClockMeasure(ClockKind kind, ClockState state, boolean stopped, long elapsedSeconds, long pausedSeconds,
        Instant dueAt, @Nullable Instant excludedSince, @Nullable Instant pausedSince, @Nullable Instant breachedAt,
        @Nullable Instant breachNoticedAt) {
}
