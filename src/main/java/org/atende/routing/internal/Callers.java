package org.atende.routing.internal;

import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.problems.Problem;
import org.jspecify.annotations.Nullable;

/** Who may call routing's REST API: nobody signed in is refused (401), a role too low is forbidden (403). */
final class Callers {

    private Callers() {
    }

    static Actor atLeast(@Nullable Actor actor, Role role) {
        if (actor == null) {
            throw Problem.unauthorized();
        }
        if (!actor.hasAtLeast(role)) {
            throw Problem.forbidden(switch (role) {
                case ADMIN -> "only an administrator may do this";
                case LEAD -> "only a lead or an administrator may do this";
                default -> "only Customer Care staff may do this";
            });
        }
        return actor;
    }
}
