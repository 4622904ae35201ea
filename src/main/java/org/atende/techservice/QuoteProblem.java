package org.atende.techservice;

import java.net.URI;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A quote request refused, as an RFC 9457 problem with a stable type ({@value #BASE}{@code <slug>}):
 * {@code validation} (400, {@code errors} lists every bad field), {@code forbidden} (403),
 * {@code not-found} (404), {@code illegal-quote-transition} (409, with {@code from}, {@code to} and
 * {@code allowed}), {@code not-technical-service} (409), {@code quote-not-editable} (409),
 * {@code quote-validity-passed} (409) and {@code conflict} (409, a stale {@code version}).
 */
public final class QuoteProblem extends ErrorResponseException {

    public static final String BASE = "https://atende.example/problems/";

    /** One field at fault, named as in the request. */
    public record FieldError(String field, String message) {
    }

    private QuoteProblem(HttpStatus status, String slug, String title, String detail) {
        super(status, body(status, slug, title, detail), null);
    }

    /** The problem's type slug, e.g. {@code illegal-quote-transition}. */
    public String slug() {
        return String.valueOf(getBody().getType()).substring(BASE.length());
    }

    static QuoteProblem invalid(List<FieldError> errors) {
        List<FieldError> sorted = errors.stream().sorted(Comparator.comparing(FieldError::field)).toList();
        QuoteProblem p = new QuoteProblem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                String.join("; ", sorted.stream().map(e -> e.field() + " " + e.message()).toList()) + ".");
        p.getBody().setProperty("errors", sorted);
        return p;
    }

    /** A 400 {@code validation} problem on one field, for callers that check a parameter of their own. */
    public static QuoteProblem invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    static QuoteProblem notFound(String what) {
        return new QuoteProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " was not found");
    }

    static QuoteProblem forbidden(String detail) {
        return new QuoteProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    static QuoteProblem illegalTransition(QuoteId quote, QuoteState from, QuoteState to, Collection<QuoteState> allowed) {
        List<String> names = allowed.stream().sorted().map(Enum::name).toList();
        QuoteProblem p = new QuoteProblem(HttpStatus.CONFLICT, "illegal-quote-transition", "Illegal quote transition",
                "quote " + quote + " is " + from + " and cannot become " + to + "; allowed: "
                        + (names.isEmpty() ? "none (" + from + " is final)" : names));
        p.getBody().setProperty("quoteId", quote.value());
        p.getBody().setProperty("from", from.name());
        p.getBody().setProperty("to", to.name());
        p.getBody().setProperty("allowed", names);
        return p;
    }

    static QuoteProblem notTechnicalService(long ticketNumber, String type) {
        QuoteProblem p = new QuoteProblem(HttpStatus.CONFLICT, "not-technical-service", "Not a technical-service request",
                "ticket #" + ticketNumber + " is " + type + "; only TECHNICAL_SERVICE tickets are quoted");
        p.getBody().setProperty("ticketType", type);
        return p;
    }

    static QuoteProblem notEditable(QuoteId quote, QuoteState state) {
        QuoteProblem p = new QuoteProblem(HttpStatus.CONFLICT, "quote-not-editable", "Quote not editable",
                "quote " + quote + " is " + state + "; only a DRAFT can be edited (draft a revision instead)");
        p.getBody().setProperty("state", state.name());
        return p;
    }

    static QuoteProblem validityPassed(QuoteId quote, LocalDate validUntil, LocalDate today) {
        QuoteProblem p = new QuoteProblem(HttpStatus.CONFLICT, "quote-validity-passed", "Quote validity passed",
                "quote " + quote + " was valid until " + validUntil + " and it is " + today + "; edit validUntil before sending");
        p.getBody().setProperty("validUntil", validUntil.toString());
        return p;
    }

    static QuoteProblem staleVersion(QuoteId quote, int given, int current) {
        QuoteProblem p = new QuoteProblem(HttpStatus.CONFLICT, "conflict", "Conflict",
                "quote " + quote + " changed since version " + given + " (now " + current + "); read it again");
        p.getBody().setProperty("version", current);
        return p;
    }

    private static ProblemDetail body(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(BASE + slug));
        body.setTitle(title);
        return body;
    }
}
