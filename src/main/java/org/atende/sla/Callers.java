package org.atende.sla;

import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.problems.Problem;
import org.jspecify.annotations.Nullable;

/** Whether the signed-in {@link Actor} may call sla's REST API; nobody signed in is refused (401). */
final class Callers {

    private Callers() {
    }

    static Actor staff(@Nullable Actor actor) {
        Actor known = actor(actor);
        if (!known.isStaff()) {
            throw Problem.forbidden("only Customer Care staff may do this");
        }
        return known;
    }

    static Actor lead(@Nullable Actor actor) {
        Actor known = actor(actor);
        if (!known.hasAtLeast(Role.LEAD)) {
            throw Problem.forbidden("only a lead or an admin may do this");
        }
        return known;
    }

    static Actor admin(@Nullable Actor actor) {
        Actor known = actor(actor);
        if (!known.hasAtLeast(Role.ADMIN)) {
            throw Problem.forbidden("only an admin may do this");
        }
        return known;
    }

    static Actor actor(@Nullable Actor actor) {
        if (actor == null) {
            throw Problem.unauthorized();
        }
        return actor;
    }
}
