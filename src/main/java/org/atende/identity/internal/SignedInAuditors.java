package org.atende.identity.internal;

import java.util.Optional;

import org.atende.audit.Auditor;
import org.atende.audit.Auditors;
import org.atende.identity.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The audit log's "who": the request's {@link Actor} (a page session or an API token). Staff are named;
 * customers are recorded by user id only, so that the append-only log keeps no customer's name past an
 * erasure of their data.
 */
@Component
class SignedInAuditors implements Auditors {

    @Override
    public Optional<Auditor> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Actor actor)) {
            return Optional.empty();
        }
        long id = actor.userId().value();
        return Optional.of(new Auditor(id, actor.isStaff() ? actor.name() : "Customer user #" + id));
    }
}
