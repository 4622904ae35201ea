package org.atende.customers;

import org.jspecify.annotations.Nullable;

/** What other modules may know of a contact. Phone numbers are E.164 ({@code +351912345678}). */
public record ContactSummary(ContactId id, OrganisationId organisationId, String name, String email,
        @Nullable String phone, Language language) {
}
