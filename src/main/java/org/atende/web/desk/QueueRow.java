package org.atende.web.desk;

import org.atende.tickets.TicketView;
import org.jspecify.annotations.Nullable;

/** One row of a queue: the ticket, the names it points at, and the clock due next. */
public record QueueRow(TicketView ticket, String organisation, @Nullable String assignee, @Nullable ClockCell clock) {
}
