package org.atende.customers.internal;

import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;

import org.atende.customers.OrganisationId;
import org.atende.customers.Viewer;
import org.springframework.security.access.AccessDeniedException;

/**
 * The REST API's rules, checked in this order: what a viewer may not see does not exist (404, so a
 * customer learns nothing of other organisations), then what its role may not do is forbidden (403).
 */
final class Access {

    private Access() {
    }

    static <T> T visible(Viewer viewer, Optional<T> found, Function<T, OrganisationId> owner, String what) {
        return found.filter(it -> viewer.canSee(owner.apply(it)))
                .orElseThrow(() -> new NoSuchElementException("No such " + what + "."));
    }

    static void requireStaff(Viewer viewer) {
        if (!viewer.isStaff()) {
            throw new AccessDeniedException("Only Customer Care staff may do this.");
        }
    }

    static void requireAdmin(Viewer viewer) {
        if (!viewer.isAdmin()) {
            throw new AccessDeniedException("Only administrators may do this.");
        }
    }
}
