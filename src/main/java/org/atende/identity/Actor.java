package org.atende.identity;

import org.atende.customers.ContactId;
import org.atende.customers.OrganisationId;
import org.atende.customers.Viewer;
import org.jspecify.annotations.Nullable;

/**
 * Who is asking. A customer carries its organisation (and contact); staff carry none and may see
 * every organisation.
 */
public record Actor(UserId userId, String name, Role role, @Nullable OrganisationId organisationId,
        @Nullable ContactId contactId) implements Viewer {

    public Actor {
        if (role == Role.CUSTOMER && organisationId == null) {
            throw new IllegalArgumentException("a customer user belongs to an organisation");
        }
    }

    @Override
    public boolean isStaff() {
        return role.isStaff();
    }

    @Override
    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** True when this actor may see data of {@code organisation}. */
    @Override
    public boolean canSee(OrganisationId organisation) {
        return isStaff() || organisation.equals(organisationId);
    }

    public boolean hasAtLeast(Role wanted) {
        return role.isStaff() && role.ordinal() >= wanted.ordinal();
    }
}
