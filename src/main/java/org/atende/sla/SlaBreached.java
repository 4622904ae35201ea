package org.atende.sla;

import java.time.Instant;

import org.atende.tickets.TicketId;

/**
 * A clock went past its due time while it was running ({@code at}: when the sweep saw it, or when the
 * clock was stopped late). Published once per clock.
 */
public record SlaBreached(TicketId ticketId, ClockKind kind, Instant dueAt, Instant at) {
}
