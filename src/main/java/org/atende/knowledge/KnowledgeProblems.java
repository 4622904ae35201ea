package org.atende.knowledge;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The problem details the knowledge base answers with ({@code https://atende.example/problems/...}). */
final class KnowledgeProblems {

    static final String BASE = "https://atende.example/problems/";

    private KnowledgeProblems() {
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

    static ErrorResponseException conflict(String detail) {
        return problem(HttpStatus.CONFLICT, "conflict", "Conflict", detail);
    }

    /** A 400 {@code invalid-article} (or {@code invalid-category}) listing every problem in {@code problems}. */
    static ErrorResponseException invalid(String type, String title, List<String> problems) {
        ErrorResponseException e = problem(HttpStatus.BAD_REQUEST, type, title, String.join("; ", problems));
        e.getBody().setProperty("problems", problems);
        return e;
    }

    private static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(BASE + type));
        body.setTitle(title);
        return new ErrorResponseException(status, body, null);
    }
}
