package org.atende.web.admin;

import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.springframework.security.access.AccessDeniedException;

/** Who may do what on the admin pages, as the REST API decides it: leads look and change little, administrators manage. */
final class AdminAccess {

    private AdminAccess() {
    }

    /** Leads and administrators: every admin page (the security chain checks it too). */
    static void lead(Actor actor) {
        if (!actor.hasAtLeast(Role.LEAD)) {
            throw new AccessDeniedException("only leads and administrators use the admin pages");
        }
    }

    /** Plans, policies, calendars, teams, users and invitations are changed by administrators only. */
    static void admin(Actor actor) {
        if (!actor.hasAtLeast(Role.ADMIN)) {
            throw new AccessDeniedException("only an administrator may change this");
        }
    }
}
