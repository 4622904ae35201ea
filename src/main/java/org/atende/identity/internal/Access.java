package org.atende.identity.internal;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.identity.UserSummary;
import org.springframework.security.access.AccessDeniedException;

/**
 * The REST API's rules, checked in this order: what an actor may not see does not exist (404: a customer
 * sees only the users of its own organisation, and no teams), then what its role may not do is
 * forbidden (403).
 */
final class Access {

    private Access() {
    }

    static UserSummary visibleUser(Actor actor, Optional<UserSummary> user) {
        return user.filter(u -> actor.isStaff() || Objects.equals(u.organisationId(), actor.organisationId()))
                .orElseThrow(() -> new NoSuchElementException("No such user."));
    }

    static void hideFromCustomers(Actor actor, String what) {
        if (!actor.isStaff()) {
            throw new NoSuchElementException("No such " + what + ".");
        }
    }

    static void require(Actor actor, Role role) {
        if (!actor.hasAtLeast(role)) {
            throw new AccessDeniedException(switch (role) {
                case ADMIN -> "Only administrators may do this.";
                case LEAD -> "Only team leads and administrators may do this.";
                default -> "Only Customer Care staff may do this.";
            });
        }
    }
}
