package org.atende.sla;

import java.time.Instant;

/**
 * A clock read live at one instant, for screens and the API. {@code remainingSeconds} is negative past
 * the due time; while paused, {@code dueAt} is where the due time would be if the pause ended now.
 */
public record ClockView(ClockState state, Instant dueAt, long targetSeconds, long elapsedSeconds,
        long remainingSeconds, boolean breached) {

    static ClockView of(ClockReading reading) {
        return new ClockView(reading.state(), reading.dueAt(), reading.targetSeconds(), reading.elapsedSeconds(),
                reading.remainingSeconds(), reading.breached());
    }
}
