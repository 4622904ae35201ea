package org.atende.web.desk;

import org.jspecify.annotations.Nullable;

/**
 * A clock as a cell shows it: {@code state} is the CSS class and message key of its state word
 * (running, warning, breached, paused, met); {@code remaining} the business time left ("2 h 10 min",
 * overdue "−35 min"); {@code due} the due time in Lisbon ("Tue 11:20"), {@code dueFull} with date and zone.
 */
public record ClockCell(String state, String remaining, @Nullable String due, @Nullable String dueFull) {

    public boolean paused() {
        return "paused".equals(state);
    }

    public boolean stopped() {
        return "met".equals(state);
    }
}
