package org.atende.reporting.internal;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The problem details the reports' API answers with ({@code https://atende.example/problems/...}). */
final class ReportProblems {

    static final String BASE = "https://atende.example/problems/";

    private ReportProblems() {
    }

    static ErrorResponseException unauthorized() {
        return problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Sign in first", "this needs a signed-in user");
    }

    static ErrorResponseException forbidden(String detail) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", detail);
    }

    static ErrorResponseException notFound(String detail) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }

    static ErrorResponseException invalid(String detail) {
        return problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", detail);
    }

    private static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(BASE + type));
        body.setTitle(title);
        return new ErrorResponseException(status, body, null);
    }
}
