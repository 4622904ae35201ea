package org.atende.web;

import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/** The two 400 problems: {@code validation} (every bad field) and {@code malformed-request}. */
final class Problems {

    private Problems() {
    }

    static ProblemDetail invalid(List<FieldProblem> errors) {
        List<FieldProblem> sorted = errors.stream().sorted(Comparator.comparing(FieldProblem::field)).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                sorted.size() == 1 ? "1 field is invalid." : sorted.size() + " fields are invalid.");
        problem.setType(ProblemTypes.VALIDATION);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", sorted);
        return problem;
    }

    static ProblemDetail malformed(String detail, @Nullable FieldProblem field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(ProblemTypes.MALFORMED_REQUEST);
        problem.setTitle("Malformed request");
        if (field != null) {
            problem.setProperty("errors", List.of(field));
        }
        return problem;
    }

    static FieldProblem of(ObjectError error) {
        return new FieldProblem(error instanceof FieldError f ? f.getField() : error.getObjectName(), message(error));
    }

    static String message(MessageSourceResolvable error) {
        return String.valueOf(error.getDefaultMessage());
    }
}
