package org.atende.sla;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a clock counted, for reports: its state, whether it has stopped, the business time it counted
 * ({@code elapsedSeconds}) and the business time its pauses took out ({@code pausedSeconds}: the
 * calendar's business time from start to stop, or now, less what the clock counted), and since when it
 * is excluded from the SLA (technical service), if it is.
 */
public record ClockMeasure(ClockKind kind, ClockState state, boolean stopped, long elapsedSeconds, long pausedSeconds,
        Instant dueAt, @Nullable Instant excludedSince) {
}
