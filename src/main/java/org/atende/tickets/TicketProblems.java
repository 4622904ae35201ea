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

    static ErrorResponseException mergeRefused(String detail) {
        return problem(HttpStatus.CONFLICT, "merge-refused", "Merge refused", detail);
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
