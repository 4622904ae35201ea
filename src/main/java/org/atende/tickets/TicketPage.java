package org.atende.tickets;

import java.util.List;

/** One page of a ticket list, with the total that matched. */
public record TicketPage(List<TicketView> items, int page, int size, long total) {
}
