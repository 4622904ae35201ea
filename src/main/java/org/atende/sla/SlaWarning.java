package org.atende.sla;

import java.time.Instant;

import org.atende.tickets.TicketId;

/** A running clock used its policy's warning share of the target ({@code at}: when the sweep saw it). Published once per clock. */
public record SlaWarning(TicketId ticketId, ClockKind kind, Instant dueAt, Instant at) {
}
