package org.atende.sla;

import java.lang.reflect.Method;
import java.security.Principal;

import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.jspecify.annotations.Nullable;

/**
 * Who calls sla's REST API, and whether they may. The security configuration puts the signed-in
 * {@link Actor} in the request as its authentication's principal; Spring Security is not on the
 * classpath yet, so instead of {@code @AuthenticationPrincipal Actor} the controllers take the
 * servlet's {@link Principal} (an {@code Authentication} once security is in) and read its
 * {@code getPrincipal()} here. With spring-security on the classpath, replace each
 * {@code Principal principal} parameter with {@code @AuthenticationPrincipal Actor actor}.
 * Without a signed-in actor every call is refused (401).
 */
final class Callers {

    private Callers() {
    }

    static Actor staff(@Nullable Principal principal) {
        Actor actor = actor(principal);
        if (!actor.isStaff()) {
            throw Problems.forbidden("only Customer Care staff may do this");
        }
        return actor;
    }

    static Actor admin(@Nullable Principal principal) {
        Actor actor = actor(principal);
        if (!actor.hasAtLeast(Role.ADMIN)) {
            throw Problems.forbidden("only an admin may do this");
        }
        return actor;
    }

    static Actor actor(@Nullable Principal principal) {
        if (principal != null) {
            try {
                Method getter = principal.getClass().getMethod("getPrincipal");
                getter.setAccessible(true);
                if (getter.invoke(principal) instanceof Actor actor) {
                    return actor;
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // not an authentication carrying an Actor: nobody we know
            }
        }
        throw Problems.unauthorized();
    }
}
