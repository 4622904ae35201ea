package org.atende.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.atende.identity.Actor;
import org.atende.identity.Identity;
import org.atende.identity.UserId;
import org.atende.identity.UserSummary;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Pages see the same principal as the API: an {@link Actor}, made on each request from the user the session's id
 * names, read from the database at most every few seconds ({@link RecentActors}, as for API tokens). A user
 * deactivated since signing in is signed out at once, and a changed role applies to the next request, on the
 * instance that made the change (within those seconds on another). The actor lives for the request only; the
 * session keeps the id.
 */
final class SignedInActors extends OncePerRequestFilter {

    private final Identity identity;
    private final RecentActors recent;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    SignedInActors(Identity identity, RecentActors recent) {
        this.identity = identity;
        this.recent = recent;
    }

    /** Error pages show who is signed in too, so they need the actor as much as the page that failed. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = contexts.getContext().getAuthentication();
        if (signedIn != null && signedIn.getPrincipal() instanceof SignedInUser user) {
            SecurityContext context = contexts.createEmptyContext();
            UserId id = new UserId(user.userId());
            recent.user(id, () -> identity.user(id)).filter(UserSummary::active).ifPresentOrElse(found -> {
                request.setAttribute(Identity.SIGNED_IN_USER, found);
                Actor actor = Identity.actorOf(found);
                var authentication = new UsernamePasswordAuthenticationToken(actor, null,
                        java.util.List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name())));
                authentication.setDetails(signedIn.getDetails());
                context.setAuthentication(authentication);
            }, () -> {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            });
            contexts.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
