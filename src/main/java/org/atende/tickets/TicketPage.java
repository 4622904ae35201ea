package org.atende.tickets;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One page of a ticket list, with how many matched. A count is exact up to {@link #COUNT_CAP}; above it the
 * list says "more than" ({@code totalExact} false) instead of counting every row on every refresh.
 * {@code next}: the cursor of the following page (null on the last). {@code snippets}: for a search, each
 * ticket's best matching text, HTML-escaped with the matched words in {@code <mark>}.
 */
public record TicketPage(List<TicketView> items, int page, int size, long total, boolean totalExact,
        @Nullable String next, Map<TicketId, String> snippets) {

    public static final int COUNT_CAP = 10_000;

    public TicketPage {
        items = List.copyOf(items);
        snippets = Map.copyOf(snippets);
    }

    public TicketPage(List<TicketView> items, int page, int size, long total) {
        this(items, page, size, total, true, null, Map.of());
    }

    public @Nullable String snippet(TicketId id) {
        return snippets.get(id);
    }
}
