package org.atende.web.desk;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** A queue's page: its rows, the counts on every tab, where the page is, and when it was read (Lisbon time). */
public record QueueView(DeskQueue queue, List<QueueRow> rows, Map<DeskQueue, Long> counts, int page, int pages, long total,
        @Nullable String text, String zone, String updatedAt) {

    public List<DeskQueue> queues() {
        return List.of(DeskQueue.values());
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages;
    }
}
