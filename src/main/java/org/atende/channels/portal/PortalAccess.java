package org.atende.channels.portal;

import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.springframework.security.access.AccessDeniedException;

/** The portal is for customers; every read goes through the customer's own organisation. */
final class PortalAccess {

    private PortalAccess() {
    }

    static OrganisationId organisationOf(Actor actor) {
        OrganisationId org = actor.organisationId();
        if (actor.isStaff() || org == null) {
            throw new AccessDeniedException("the portal is for customers");
        }
        return org;
    }
}
