package org.atende.customers;

import org.jspecify.annotations.Nullable;

/**
 * What other modules may know of a contact. Phone numbers are E.164 ({@code +351912345678}). A contact
 * that first wrote on WhatsApp may have no e-mail; {@code whatsappUserId} is the business-scoped id
 * WhatsApp gives users who hide or have no phone number.
 */
public record ContactSummary(ContactId id, OrganisationId organisationId, String name, @Nullable String email,
        @Nullable String phone, Language language, @Nullable String whatsappUserId) {

    public ContactSummary(ContactId id, OrganisationId organisationId, String name, @Nullable String email,
            @Nullable String phone, Language language) {
        this(id, organisationId, name, email, phone, language, null);
    }
}
