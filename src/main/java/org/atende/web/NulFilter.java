package org.atende.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a NUL character in the address or its query ({@code %00}) with a 400 {@code malformed-request}: no
 * text the desk keeps may hold one (PostgreSQL refuses it, which would otherwise surface as a conflict). JSON
 * bodies are checked as they are read ({@link StrictJson}); form fields by the database's refusal.
 */
final class NulFilter extends OncePerRequestFilter {

    private final HandlerExceptionResolver problems;

    NulFilter(HandlerExceptionResolver problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (hasNul(request.getRequestURI()) || hasNul(request.getQueryString())) {
            problems.resolveException(request, response, null, new ErrorResponseException(HttpStatus.BAD_REQUEST,
                    Problems.malformed("The address holds a NUL character (%00), which no value may contain.", null), null));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean hasNul(String part) {
        if (part == null) {
            return false;
        }
        try {
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8).indexOf('\0') >= 0;
        } catch (IllegalArgumentException e) { // a stray '%': not ours to judge here
            return part.indexOf('\0') >= 0;
        }
    }
}
