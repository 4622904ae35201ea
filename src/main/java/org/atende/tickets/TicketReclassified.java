package org.atende.tickets;

import java.time.Instant;

/** A ticket's priority or type changed; its clocks are recomputed from the same start and pauses. */
public record TicketReclassified(TicketId ticketId, Priority priority, TicketType type, Instant at) {
}
