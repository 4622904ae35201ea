package org.atende.tickets;

import java.net.URI;
import java.util.Collection;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The ways a ticket request is refused, as RFC 9457 problems with stable types. */
public final class TicketProblems {

    public static final String BASE = "https://atende.example/problems/";

    private TicketProblems() {
    }

    public static ErrorResponseException notFound(String what) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " was not found");
    }

    public static ErrorResponseException forbidden(String detail) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    public static ErrorResponseException invalid(String detail) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
    }

    static ErrorResponseException illegalTransition(TicketStatus from, TicketStatus to, Collection<TicketStatus> allowed) {
        ErrorResponseException e = problem(HttpStatus.CONFLICT, "illegal-transition", "Illegal status transition",
                "a ticket in " + from + " cannot move to " + to + "; allowed: "
                        + (allowed.isEmpty() ? "none (the ticket is closed)" : allowed.stream().sorted().toList()));
        e.getBody().setProperty("from", from.name());
        e.getBody().setProperty("to", to.name());
        e.getBody().setProperty("allowed", allowed.stream().sorted().map(Enum::name).toList());
        return e;
    }

    /** {@code reason}: {@code different-organisations} or {@code target-closed}, for pages that say it in the user's language. */
    static ErrorResponseException mergeRefused(String reason, String detail) {
        ErrorResponseException e = problem(HttpStatus.CONFLICT, "merge-refused", "Merge refused", detail);
        e.getBody().setProperty("reason", reason);
        return e;
    }

    /**
     * {@code reason}: {@code closed} (a closed ticket's conversation stays as it is), {@code first-message} (the
     * message that opened the ticket is the ticket) or {@code kind} (only customers' messages and notes move).
     */
    static ErrorResponseException splitRefused(String reason, String detail) {
        ErrorResponseException e = problem(HttpStatus.CONFLICT, "split-refused", "Split refused", detail);
        e.getBody().setProperty("reason", reason);
        return e;
    }

    /** The ticket changed after the version the caller read: nothing was applied. */
    static ErrorResponseException stale(long number, int expected, int current) {
        ErrorResponseException e = problem(HttpStatus.CONFLICT, "stale", "Changed since it was read",
                "ticket #" + number + " was changed by someone else (version " + current + ", not " + expected + "); read it again");
        e.getBody().setProperty("expectedVersion", expected);
        e.getBody().setProperty("currentVersion", current);
        return e;
    }

    /** The ticket changed while a bulk change was applying to it (its version moved under the change). */
    static ErrorResponseException changedMeanwhile(long number) {
        return problem(HttpStatus.CONFLICT, "stale", "Changed since it was read",
                "ticket #" + number + " was changed by someone else while the bulk change ran; read it again");
    }

    /** A bulk change of one ticket failed on our side (logged); the other tickets went on. */
    static ErrorResponseException failed() {
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the change of this ticket failed on our side; it has been logged");
    }

    /** A bulk call names, or its filter matches, more tickets than one call may change. */
    static ErrorResponseException tooManyTickets(long matched, int limit, boolean filter) {
        ErrorResponseException e = problem(HttpStatus.BAD_REQUEST, "too-many-tickets", "Too many tickets",
                (filter ? "the filter matches " : "the call names ") + matched + " tickets; one call changes at most " + limit
                        + (filter ? ": narrow the filter" : ": split the call"));
        e.getBody().setProperty("matched", matched);
        e.getBody().setProperty("limit", limit);
        return e;
    }

    static ErrorResponseException attachmentRefused(HttpStatus status, String slug, String detail) {
        return problem(status, slug, "Attachment refused", detail);
    }

    private static ErrorResponseException problem(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(BASE + slug));
        body.setTitle(title);
        return new ErrorResponseException(status, body, null);
    }

    static List<String> names(Collection<TicketStatus> statuses) {
        return statuses.stream().sorted().map(Enum::name).toList();
    }
}
