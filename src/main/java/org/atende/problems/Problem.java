package org.atende.problems;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Builds the refusals modules throw: an {@link ErrorResponseException} carrying its problem document. */
public final class Problem {

    public static final String BASE = "https://atende.example/problems/";

    private Problem() {
    }

    public static ErrorResponseException unauthorized() {
        return of(HttpStatus.UNAUTHORIZED, "unauthorized", "Sign in first", "this needs a signed-in user");
    }

    public static ErrorResponseException forbidden(String detail) {
        return of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", detail);
    }

    public static ErrorResponseException notFound(String detail) {
        return of(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }

    public static ErrorResponseException conflict(String detail) {
        return of(HttpStatus.CONFLICT, "conflict", "Conflict", detail);
    }

    public static ErrorResponseException badRequest(String detail) {
        return of(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", detail);
    }

    /** A 400 of its own {@code type} whose {@code problems} property lists every problem found; the detail joins them. */
    public static ErrorResponseException invalid(String type, String title, List<String> problems) {
        ErrorResponseException e = of(HttpStatus.BAD_REQUEST, type, title, String.join("; ", problems));
        e.getBody().setProperty("problems", problems);
        return e;
    }

    public static ErrorResponseException of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(BASE + type));
        body.setTitle(title);
        return new ErrorResponseException(status, body, null);
    }
}
