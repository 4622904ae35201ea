package org.atende.calendar;

import java.time.Instant;

/** An instant range {@code [from, to)} cut out of business time: an outage, an event, a paused clock. */
public record Break(Instant from, Instant to) {
    public Break {
        if (!from.isBefore(to)) {
            throw new InvalidCalendarException("break from " + from + " to " + to + " must start before it ends");
        }
    }
}
