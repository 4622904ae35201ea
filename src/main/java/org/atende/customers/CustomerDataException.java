package org.atende.customers;

import java.net.URI;
import java.util.Comparator;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A write to customer data was refused: {@link #invalid} (400, problem type {@code validation}) when
 * values break the rules, {@link #conflict} (409, {@code conflict}) when a unique value is already
 * used. Either way {@code errors} lists every field at fault.
 */
public final class CustomerDataException extends ErrorResponseException {

    private static final String TYPES = "https://atende.example/problems/";

    /** One field at fault, named as in the request ({@code emailDomains[1]}). */
    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    private CustomerDataException(HttpStatus status, String slug, String title, List<FieldError> errors) {
        super(status, problem(status, slug, title, errors), null);
        this.errors = errors;
    }

    public static CustomerDataException invalid(List<FieldError> errors) {
        return new CustomerDataException(HttpStatus.BAD_REQUEST, "validation", "Invalid request", errors);
    }

    public static CustomerDataException conflict(List<FieldError> errors) {
        return new CustomerDataException(HttpStatus.CONFLICT, "conflict", "Conflict", errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static ProblemDetail problem(HttpStatus status, String slug, String title, List<FieldError> errors) {
        List<FieldError> sorted = errors.stream().sorted(Comparator.comparing(FieldError::field)).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, sorted.stream()
                .map(e -> e.field() + " " + e.message()).reduce((a, b) -> a + "; " + b).orElse(title) + ".");
        problem.setType(URI.create(TYPES + slug));
        problem.setTitle(title);
        problem.setProperty("errors", sorted);
        return problem;
    }
}
