package org.atende.web;

import java.util.NoSuchElementException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.atende.outage.DatabaseAvailability;
import org.atende.outage.DatabaseOutage;
import org.atende.outage.UnavailableAnswer;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors of pages are pages: a controller that renders HTML and throws the desk's usual exceptions
 * (an unknown or hidden id, a refused transition, a stale edit) answers the error page with the right
 * status and the reason, where the API answers a problem document. Runs before the problem-details
 * advice, and only for handlers that render views; anything else falls through to it.
 */
final class PageErrors implements HandlerExceptionResolver {

    private final DatabaseAvailability availability;
    private final UnavailableAnswer answer;

    PageErrors(DatabaseAvailability availability, UnavailableAnswer answer) {
        this.availability = availability;
        this.answer = answer;
    }

    @Override
    public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
            @Nullable Object handler, Exception error) {
        if (error instanceof NoResourceFoundException && wantsPage(request)) {
            return page(response, HttpStatus.NOT_FOUND, null);
        }
        if (!(handler instanceof HandlerMethod method) || rendersBody(method)) {
            return null;
        }
        if (DatabaseOutage.isCause(error)) {
            return unavailable(request, response, error);
        }
        HttpStatusCode status;
        String detail;
        String wording = null; // a message key: the page says it in the reader's language
        switch (error) {
            case NoSuchElementException e -> {
                status = HttpStatus.NOT_FOUND;
                detail = null;
            }
            case AccessDeniedException e -> {
                status = HttpStatus.FORBIDDEN;
                boolean generic = e.getMessage() == null || e.getMessage().equals("Access Denied")
                        || e.getMessage().contains("Customer Care staff");
                detail = generic ? null : e.getMessage();
                wording = generic ? "error.forbidden.detail" : null;
            }
            case OptimisticLockingFailureException e -> {
                status = HttpStatus.CONFLICT;
                detail = null;
                wording = "error.stale";
            }
            case DataIntegrityViolationException e -> {
                status = HttpStatus.CONFLICT;
                detail = null;
                wording = "error.conflict";
            }
            case ErrorResponse e -> {
                status = e.getStatusCode();
                detail = e.getBody().getDetail();
            }
            case java.time.DateTimeException e -> {
                status = HttpStatus.BAD_REQUEST;
                detail = null;
                wording = "error.dateRange";
            }
            case IllegalArgumentException e -> {
                status = HttpStatus.BAD_REQUEST;
                detail = e.getMessage();
            }
            default -> {
                return null;
            }
        }
        if (status.is5xxServerError()) {
            return null;
        }
        if (!english(request) && (status.value() == 403 || error.getClass().getName().startsWith("org.springframework."))) {
            // the modules' refusals and the framework's complaints are written in English: a reader of another
            // language is told in theirs what kind of refusal it is
            detail = null;
            wording = wording != null ? wording : status.value() == 403 ? "error.forbidden.detail" : "error.badRequest";
        }
        ModelAndView page = page(response, status, detail);
        page.addObject("wording", wording);
        return page;
    }

    private static boolean english(HttpServletRequest request) {
        return org.springframework.web.servlet.support.RequestContextUtils.getLocale(request).getLanguage().equals("en");
    }

    /** The "temporarily unavailable" page, which needs no database (not even the user's language setting). */
    private @Nullable ModelAndView unavailable(HttpServletRequest request, HttpServletResponse response, Exception error) {
        availability.suspect(error);
        try {
            answer.write(request, response);
            return new ModelAndView();
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static ModelAndView page(HttpServletResponse response, HttpStatusCode status, @Nullable String detail) {
        response.setStatus(status.value());
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("detail", detail);
        return page;
    }

    /** A browser asking for a page (not the API, not a client that wants JSON). */
    private static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return !request.getRequestURI().startsWith("/api/") && accept != null && accept.contains("text/html");
    }

    private static boolean rendersBody(HandlerMethod method) {
        return AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class)
                || method.hasMethodAnnotation(ResponseBody.class)
                || org.springframework.http.HttpEntity.class.isAssignableFrom(method.getReturnType().getParameterType());
    }
}
