package org.atende.channels.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

import org.atende.tickets.BulkOutcome;
import org.atende.tickets.BulkResult;
import org.atende.tickets.TicketView;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;

/** The answer of a bulk call: the counts, then each ticket's outcome in the selection's order. */
record BulkAnswer(BulkRequest.Action action, int tickets, long changed, long unchanged, long refused,
        @Schema(description = "MERGE: the ticket the others went into (not among the results)") @Nullable Target mergedInto,
        List<Result> results) {

    record Target(long ticketId, long number, int version) {
    }

    record Result(long ticketId, @Nullable Long number, BulkOutcome.Result outcome,
            @Schema(description = "The ticket's version afterwards (CHANGED, UNCHANGED)") @Nullable Integer version,
            @Schema(description = "REFUSED: the RFC 9457 problem a single change would have answered (type, title, status, detail and its properties, e.g. `allowed` for an illegal transition)")
            @Nullable Map<String, Object> problem) {
    }

    static BulkAnswer of(BulkRequest.Action action, BulkResult result) {
        TicketView into = result.mergedInto();
        return new BulkAnswer(action, result.outcomes().size(), result.count(BulkOutcome.Result.CHANGED),
                result.count(BulkOutcome.Result.UNCHANGED), result.count(BulkOutcome.Result.REFUSED),
                into == null ? null : new Target(into.id().value(), into.number(), into.version()),
                result.outcomes().stream().map(o -> new Result(o.ticketId().value(), o.number(), o.result(), o.version(),
                        o.problem() == null ? null : problem(o.problem()))).toList());
    }

    private static Map<String, Object> problem(ProblemDetail p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", String.valueOf(p.getType()));
        json.put("title", p.getTitle());
        json.put("status", p.getStatus());
        json.put("detail", p.getDetail());
        if (p.getProperties() != null) {
            json.putAll(p.getProperties());
        }
        return json;
    }
}
