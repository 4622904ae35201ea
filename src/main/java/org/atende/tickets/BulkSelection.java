package org.atende.tickets;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The tickets a bulk change is for: named by id (in that order, repeats ignored), or every ticket a
 * filter matches (in its order) when the change runs. {@code expectedVersions} holds, for any of them,
 * the version the caller read it at ({@link TicketView#version()}): a ticket changed since is refused as stale.
 */
public record BulkSelection(@Nullable List<TicketId> ids, @Nullable TicketQuery filter, Map<TicketId, Integer> expectedVersions) {

    public BulkSelection {
        if ((ids == null) == (filter == null)) {
            throw TicketProblems.invalid("name the tickets by id or by a filter, one of the two");
        }
        if (ids != null && ids.isEmpty()) {
            throw TicketProblems.invalid("name at least one ticket");
        }
        ids = ids == null ? null : List.copyOf(ids);
        expectedVersions = expectedVersions == null ? Map.of() : Map.copyOf(expectedVersions);
    }

    public static BulkSelection of(List<TicketId> ids, Map<TicketId, Integer> expectedVersions) {
        return new BulkSelection(ids, null, expectedVersions);
    }

    public static BulkSelection matching(TicketQuery filter) {
        return new BulkSelection(null, filter, Map.of());
    }
}
