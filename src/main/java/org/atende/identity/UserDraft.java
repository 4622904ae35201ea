package org.atende.identity;

import org.atende.customers.ContactId;
import org.atende.customers.OrganisationId;
import org.jspecify.annotations.Nullable;

/**
 * What a user is created or replaced with. A customer needs an organisation (and may be linked to one of
 * its contacts) and no team; staff have no organisation and may have a team. The e-mail is stored lower
 * case and is unique. {@code password}, when given (at least 12 characters), is stored hashed; on an
 * update, null keeps the current one. {@link #toString()} leaves the password out.
 */
public record UserDraft(String email, String name, Role role, @Nullable OrganisationId organisationId,
        @Nullable ContactId contactId, @Nullable TeamId teamId, boolean active, @Nullable String password) {

    @Override
    public String toString() {
        return "UserDraft[email=" + email + ", name=" + name + ", role=" + role + ", organisationId=" + organisationId
                + ", contactId=" + contactId + ", teamId=" + teamId + ", active=" + active + ", password="
                + (password == null ? "unchanged" : "***") + "]";
    }
}
