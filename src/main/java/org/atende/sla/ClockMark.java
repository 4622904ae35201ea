package org.atende.sla;

import java.time.Instant;

import org.atende.tickets.TicketId;
import org.jspecify.annotations.Nullable;

/** A clock as reports list it: whose, which, when it is (or was) due, and when it was marked (warned or breached). */
public record ClockMark(TicketId ticketId, ClockKind kind, Instant dueAt, @Nullable Instant markedAt) {
}
