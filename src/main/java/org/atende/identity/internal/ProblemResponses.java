package org.atende.identity.internal;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers the API's authentication and authorization failures through Spring MVC's exception
 * resolvers, so they are the same problem details as every other error: 401 with
 * {@code WWW-Authenticate: Bearer} (RFC 6750's {@code invalid_token} for a bad token), and 403.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String CHALLENGE = "Bearer realm=\"atende\"";

    private final HandlerExceptionResolver problems;

    ProblemResponses(HandlerExceptionResolver problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        boolean badToken = failure instanceof BadCredentialsException;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, badToken ? CHALLENGE + ", error=\"invalid_token\"" : CHALLENGE);
        AuthenticationException explained = badToken ? failure
                : new InsufficientAuthenticationException("Send an API token: Authorization: Bearer <token>.");
        if (problems.resolveException(request, response, null, explained) == null) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        }
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        if (problems.resolveException(request, response, null, denied) == null) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }
}
