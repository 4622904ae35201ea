package org.atende.tickets;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;

/**
 * What a bulk change did to one ticket: {@code CHANGED}, {@code UNCHANGED} (nothing to do: it already was so),
 * or {@code REFUSED} with the problem a single change would have answered (illegal transition with the allowed
 * moves, stale, not found, merge refused, …). {@code number} is null for a ticket that was not found;
 * {@code version} is the ticket's version afterwards (null when refused).
 */
public record BulkOutcome(TicketId ticketId, @Nullable Long number, Result result, @Nullable Integer version,
        @Nullable ProblemDetail problem) {

    public enum Result {
        CHANGED, UNCHANGED, REFUSED
    }

    static BulkOutcome changed(TicketId id, long number, int version) {
        return new BulkOutcome(id, number, Result.CHANGED, version, null);
    }

    static BulkOutcome unchanged(TicketId id, long number, int version) {
        return new BulkOutcome(id, number, Result.UNCHANGED, version, null);
    }

    static BulkOutcome refused(TicketId id, @Nullable Long number, ProblemDetail problem) {
        return new BulkOutcome(id, number, Result.REFUSED, null, problem);
    }
}
