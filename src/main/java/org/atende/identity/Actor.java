package org.atende.identity;

import org.atende.customers.ContactId;
import org.atende.customers.OrganisationId;
import org.atende.customers.Viewer;
import org.jspecify.annotations.Nullable;

/**
 * Who is asking. A customer carries its organisation (and contact); staff carry none and may see
 * every organisation. {@code tokenKind} is the kind of the API token the request came with (null when
 * signed in with a password, or inside the desk).
 */
public record Actor(UserId userId, String name, Role role, @Nullable OrganisationId organisationId,
        @Nullable ContactId contactId, @Nullable TokenKind tokenKind) implements Viewer {

    public Actor {
        if (role == Role.CUSTOMER && organisationId == null) {
            throw new IllegalArgumentException("a customer user belongs to an organisation");
        }
    }

    public Actor(UserId userId, String name, Role role, @Nullable OrganisationId organisationId, @Nullable ContactId contactId) {
        this(userId, name, role, organisationId, contactId, null);
    }

    /** Whether the request came with a token of the vendor's app. */
    public boolean viaApp() {
        return tokenKind == TokenKind.APP;
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
