package org.atende.web;

import java.net.URI;
import java.util.List;
import java.util.NoSuchElementException;

import org.atende.outage.DatabaseAvailability;
import org.atende.outage.DatabaseOutage;
import org.jspecify.annotations.Nullable;
import java.time.DateTimeException;
import org.springframework.web.multipart.MultipartException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.beans.TypeMismatchException;

import jakarta.validation.ConstraintViolationException;

/**
 * Turns every error into an RFC 9457 problem whose {@code type} is one of {@link ProblemTypes}.
 * Modules throw their own {@link org.springframework.web.ErrorResponseException} subclasses (their
 * type is kept) or standard exceptions: {@link NoSuchElementException} (404), {@link IllegalArgumentException}
 * (400), {@link OptimisticLockingFailureException} and {@link DataIntegrityViolationException} (409),
 * Spring Security's {@link AuthenticationException} (401) and {@link AccessDeniedException} (403).
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final DatabaseAvailability availability;

    ProblemDetailsAdvice(DatabaseAvailability availability) {
        this.availability = availability;
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getAllErrors().stream().map(Problems::of).toList();
        return handleExceptionInternal(ex, Problems.invalid(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> error instanceof FieldError f
                        ? Problems.of(f) : new FieldProblem(String.valueOf(result.getMethodParameter().getParameterName()),
                                Problems.message(error))))
                .toList();
        return handleExceptionInternal(ex, Problems.invalid(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (UnreadableBody.find(ex, RequestSizeLimitFilter.TooLarge.class) instanceof RequestSizeLimitFilter.TooLarge tooLarge) {
            return handleExceptionInternal(ex, tooLarge.problem(), headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        UnreadableBody why = UnreadableBody.explain(ex);
        return handleExceptionInternal(ex, Problems.malformed(why.detail(), why.field()), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : String.valueOf(ex.getPropertyName());
        String problem = "'" + ex.getValue() + "' is not " + UnreadableBody.expected(ex.getRequiredType());
        return handleExceptionInternal(ex, Problems.malformed("Parameter '" + name + "' " + problem + ".", new FieldProblem(name, problem)),
                headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex.getParameterName();
        return handleExceptionInternal(ex, Problems.malformed("Parameter '" + name + "' is required.", new FieldProblem(name, "is required")),
                headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "Nothing is at " + path(request) + "."), headers, status, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<FieldProblem> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage())).toList();
        return respond(ex, Problems.invalid(errors), request);
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<Object> notFound(NoSuchElementException ex, WebRequest request) {
        String detail = ex.getMessage() == null || ex.getMessage().equals("No value present") ? "No such resource." : ex.getMessage();
        return respond(ex, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail), request);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Object> badArgument(IllegalArgumentException ex, WebRequest request) {
        return respond(ex, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.valueOf(ex.getMessage())), request);
    }

    /** A multipart body that is cut short or not multipart at all (one too large is the 413 of the base class). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> badMultipart(MultipartException ex, WebRequest request) {
        return respond(ex, Problems.malformed("The multipart body could not be read: it is cut short or malformed.", null),
                request);
    }

    /** A date or month the calendar cannot reach (the year +999999999 and its next month): the caller's value. */
    @ExceptionHandler(DateTimeException.class)
    ResponseEntity<Object> dateOutOfRange(DateTimeException ex, WebRequest request) {
        return respond(ex, Problems.malformed("A date or month is out of the range the desk handles: " + ex.getMessage(), null),
                request);
    }

    @ExceptionHandler({ OptimisticLockingFailureException.class, DataIntegrityViolationException.class })
    ResponseEntity<Object> conflict(Exception ex, WebRequest request) {
        if (isUnstorableText(ex)) {
            return respond(ex, Problems.malformed("A value holds a character that cannot be stored (a NUL).", null), request);
        }
        log.info("Conflict on {}: {}", path(request), ex.getMessage());
        return respond(ex, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The change conflicts with the current state of the data (a value already used, or a concurrent change)."), request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthorized(AuthenticationException ex, WebRequest request) {
        return respond(ex, ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, String.valueOf(ex.getMessage())), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> forbidden(AccessDeniedException ex, WebRequest request) {
        String detail = ex.getMessage() == null || ex.getMessage().equals("Access Denied")
                ? "Your role does not allow this." : ex.getMessage();
        return respond(ex, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        if (DatabaseOutage.isCause(ex)) {
            return unavailable(ex, request);
        }
        log.error("Unexpected failure on {}", path(request), ex);
        return respond(ex, ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; it has been logged."), request);
    }

    /** PostgreSQL refuses NUL in text (SQLSTATE 22021) and what its encoding cannot hold (22P05): bad input, no conflict. */
    private static boolean isUnstorableText(Exception ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The database could not be reached (or no connection was free in time): 503 with {@code Retry-After},
     * never a 500; the heartbeat is asked to look at once.
     */
    private ResponseEntity<Object> unavailable(Exception ex, WebRequest request) {
        availability.suspect(ex);
        long seconds = Math.max(1, availability.retryAfter().toSeconds());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The desk cannot reach its database just now; nothing was changed. Try again in " + seconds + " seconds.");
        problem.setType(ProblemTypes.type("service-unavailable"));
        problem.setTitle("Service unavailable");
        problem.setProperty("retryAfterSeconds", seconds);
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ResponseEntity<Object> response = handleExceptionInternal(ex, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
        return response != null ? response : ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).headers(headers).body(problem);
    }

    /** Gives every problem its type (kept when a module set one), its title and the path it answers. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                problem.setType(ProblemTypes.forStatus(status));
            }
            if (problem.getTitle() == null && HttpStatus.resolve(status.value()) instanceof HttpStatus known) {
                problem.setTitle(known.getReasonPhrase());
            }
            if (problem.getInstance() == null) {
                problem.setInstance(URI.create(path(request)));
            }
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private ResponseEntity<Object> respond(Exception ex, ProblemDetail problem, WebRequest request) {
        HttpStatusCode status = HttpStatusCode.valueOf(problem.getStatus());
        ResponseEntity<Object> response = handleExceptionInternal(ex, problem, new HttpHeaders(), status, request);
        return response != null ? response : ResponseEntity.status(status).body(problem);
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : "/";
    }
}
