package org.atende.web.desk;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A queue's page: its rows, the counts on every tab (above {@link org.atende.tickets.TicketPage#COUNT_CAP} "10000+"),
 * where the page is, the cursor of the next one, and when it was read (Lisbon time).
 */
public record QueueView(DeskQueue queue, List<QueueRow> rows, Map<DeskQueue, String> counts, int page, int pages, long total,
        @Nullable String text, String zone, String updatedAt, @Nullable String next, boolean totalExact, @Nullable String after) {

    static String count(long total, boolean exact) {
        return exact ? Long.toString(total) : total + "+";
    }

    public String totalLabel() {
        return count(total, totalExact);
    }

    public List<DeskQueue> queues() {
        return List.of(DeskQueue.values());
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return next != null;
    }
}
