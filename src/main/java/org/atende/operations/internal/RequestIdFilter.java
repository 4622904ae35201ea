package org.atende.operations.internal;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.atende.operations.LogFields;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a plain token (letters, digits,
 * {@code . _ : -}, at most 100 characters, so that nobody writes into the logs through it), else a new
 * one; echoed in the response's {@code X-Request-Id} and put on every log line of the request. Pages
 * of one ticket ({@code /desk/tickets/1042}, {@code /portal/tickets/1042}) name the ticket on their lines
 * too; the API's ticket calls name it once the ticket is read. Runs before everything else (security,
 * sessions), so that their lines carry the id as well.
 */
final class RequestIdFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern TICKET_PAGE = Pattern.compile("^/(?:desk|portal)/tickets/(\\d{1,18})(?:/.*)?$");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object earlier = request.getAttribute(ATTRIBUTE); // an error dispatch keeps its request's id
        String id = earlier instanceof String known ? known : requestId(request.getHeader(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        MDC.put(LogFields.REQUEST_ID, id);
        Matcher page = TICKET_PAGE.matcher(request.getRequestURI());
        if (page.matches()) {
            MDC.put(LogFields.TICKET, "#" + Long.parseLong(page.group(1)));
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(LogFields.REQUEST_ID);
            MDC.remove(LogFields.TICKET);
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    /** The id given, when it is acceptable; else a fresh one. */
    static String requestId(@Nullable String given) {
        if (given != null && ACCEPTED.matcher(given).matches()) {
            return given;
        }
        return UUID.randomUUID().toString();
    }
}
