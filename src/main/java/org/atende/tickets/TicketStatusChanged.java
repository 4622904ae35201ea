package org.atende.tickets;

import java.time.Instant;

/** A ticket moved from one status to another. */
public record TicketStatusChanged(TicketId ticketId, TicketStatus from, TicketStatus to, Instant at) {
}
