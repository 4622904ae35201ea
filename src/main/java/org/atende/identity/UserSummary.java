package org.atende.identity;

import org.atende.customers.ContactId;
import org.atende.customers.Language;
import org.atende.customers.OrganisationId;
import org.jspecify.annotations.Nullable;

/**
 * What other modules may know of a user. A customer carries its organisation (and, when linked, its
 * contact); staff may carry a team; {@code language} is the one pages speak to the user in (null: the
 * browser's). Never the password.
 */
public record UserSummary(UserId id, String email, String name, Role role, @Nullable OrganisationId organisationId,
        @Nullable ContactId contactId, @Nullable TeamId teamId, boolean active,
        @Nullable Language language) {
}
