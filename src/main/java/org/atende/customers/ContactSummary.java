package org.atende.customers;

import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

/**
 * What other modules may know of a contact. Phone numbers are E.164 ({@code +351912345678}). A contact
 * that first wrote on WhatsApp may have no e-mail; {@code whatsappUserId} is the business-scoped id
 * WhatsApp gives users who hide or have no phone number. {@code timeZone} is where the contact reads the
 * desk's times: from their number's country when they were created, editable by staff.
 */
public record ContactSummary(ContactId id, OrganisationId organisationId, String name, @Nullable String email,
        @Nullable String phone, Language language, @Nullable String whatsappUserId, ZoneId timeZone) {

    /** The zone of contacts that have none of their own: the support calendar's default. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Lisbon");

    public ContactSummary {
        timeZone = timeZone == null ? DEFAULT_ZONE : timeZone;
    }

    public ContactSummary(ContactId id, OrganisationId organisationId, String name, @Nullable String email,
            @Nullable String phone, Language language, @Nullable String whatsappUserId) {
        this(id, organisationId, name, email, phone, language, whatsappUserId, DEFAULT_ZONE);
    }

    public ContactSummary(ContactId id, OrganisationId organisationId, String name, @Nullable String email,
            @Nullable String phone, Language language) {
        this(id, organisationId, name, email, phone, language, null);
    }
}
