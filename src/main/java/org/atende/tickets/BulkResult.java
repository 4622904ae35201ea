package org.atende.tickets;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** Every ticket's outcome, in the selection's order; a merge names the ticket the others went into (left out of the outcomes). */
public record BulkResult(List<BulkOutcome> outcomes, @Nullable TicketView mergedInto) {

    public BulkResult {
        outcomes = List.copyOf(outcomes);
    }

    public long count(BulkOutcome.Result result) {
        return outcomes.stream().filter(o -> o.result() == result).count();
    }

    public List<BulkOutcome> refused() {
        return outcomes.stream().filter(o -> o.result() == BulkOutcome.Result.REFUSED).toList();
    }
}
