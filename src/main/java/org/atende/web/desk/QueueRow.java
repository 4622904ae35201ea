package org.atende.web.desk;

import org.atende.tickets.TicketView;
import org.jspecify.annotations.Nullable;

/**
 * One row of a queue: the ticket, the names it points at, the clock due next, and in a search the best matching
 * text (HTML-escaped, the matched words in {@code <mark>}).
 */
public record QueueRow(TicketView ticket, String organisation, @Nullable String assignee, @Nullable ClockCell clock,
        @Nullable String snippet) {
}
