package org.atende.identity.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.atende.identity.Actor;
import org.atende.identity.Identity;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reads {@code Authorization: Bearer <token>} and, when the token is good, makes its
 * {@link Actor} the request's principal. A request without the header goes on anonymous (and is refused
 * by the authorization rules); a malformed header or a bad, revoked or expired token is answered 401 here.
 * Not a bean, so that it filters the API chain only.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final Identity identity;
    private final AuthenticationEntryPoint entryPoint;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BearerTokenFilter(Identity identity, AuthenticationEntryPoint entryPoint) {
        this.identity = identity;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            entryPoint.commence(request, response,
                    new BadCredentialsException("The Authorization header must be 'Bearer <token>'."));
            return;
        }
        Optional<Actor> actor = identity.authenticate(header.substring(BEARER.length()).strip());
        if (actor.isEmpty()) {
            entryPoint.commence(request, response,
                    new BadCredentialsException("The bearer token is unknown, revoked or expired."));
            return;
        }
        var authentication = new PreAuthenticatedAuthenticationToken(actor.get(), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + actor.get().role().name())));
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(authentication);
        contexts.setContext(context);
        chain.doFilter(request, response);
    }
}
