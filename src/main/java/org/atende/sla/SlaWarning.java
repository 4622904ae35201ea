package org.atende.sla;

import java.time.Instant;

import org.atende.tickets.TicketId;
import org.jspecify.annotations.Nullable;

/**
 * A running clock used its policy's warning share of the target ({@code at}: when the sweep saw it). Published once per
 * clock. {@code remainingSeconds}: the business time left as the clock read at {@code at}, when the sweep that saw it
 * says so (null otherwise: a listener reads the clock itself).
 */
public record SlaWarning(TicketId ticketId, ClockKind kind, Instant dueAt, Instant at, @Nullable Long remainingSeconds) {

    public SlaWarning(TicketId ticketId, ClockKind kind, Instant dueAt, Instant at) {
        this(ticketId, kind, dueAt, at, null);
    }
}
