package org.atende.views;

import java.time.Instant;
import java.util.List;

import org.atende.tickets.TicketFilter;
import org.atende.tickets.TicketQuery;
import org.jspecify.annotations.Nullable;

/** A saved ticket list: its filter (as {@code GET /api/v1/tickets} takes it), order and columns, and whose it is. */
public record SavedView(long id, String name, ViewScope scope, @Nullable Long teamId, long ownerId, TicketFilter filter,
        TicketQuery.Sort sort, List<ViewColumn> columns, Instant createdAt, Instant updatedAt) {
}
