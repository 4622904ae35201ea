package org.atende.sla.internal;

import org.atende.sla.ClockKind;
import org.atende.tickets.TicketId;

/** Names one clock: a ticket has at most one of each kind. */
public record ClockKey(TicketId ticket, ClockKind kind) {
}
