package org.atende.views;

import java.util.List;

import org.atende.tickets.TicketFilter;
import org.atende.tickets.TicketQuery;
import org.jspecify.annotations.Nullable;

/** A view as written: null scope is personal, null filter lists every ticket, null sort and columns are the defaults. */
public record ViewDraft(String name, @Nullable ViewScope scope, @Nullable Long teamId, @Nullable TicketFilter filter,
        TicketQuery.@Nullable Sort sort, @Nullable List<ViewColumn> columns) {
}
