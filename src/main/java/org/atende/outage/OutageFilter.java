package org.atende.outage;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Runs before sessions and security, which read the database on every request: while the database is
 * unreachable it answers 503 at once; a database failure that escapes what runs after it (reading the
 * session, a bearer token) becomes that 503 too, never a 500. Static files, the OpenAPI document and the
 * actuator pass through (health says DOWN by itself).
 */
final class OutageFilter extends OncePerRequestFilter {

    private final DatabaseAvailability availability;
    private final UnavailableAnswer answer;

    OutageFilter(DatabaseAvailability availability, UnavailableAnswer answer) {
        this.availability = availability;
        this.answer = answer;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
                || path.startsWith("/webjars/") || path.equals("/favicon.ico") || path.equals("/favicon.svg") || path.startsWith("/actuator")
                || path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.isDown()) {
            answer.write(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseOutage.isCause(e) || response.isCommitted()) {
                throw e;
            }
            availability.suspect(e);
            answer.write(request, response);
        }
    }
}
