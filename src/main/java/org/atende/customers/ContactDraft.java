package org.atende.customers;

import org.jspecify.annotations.Nullable;

/**
 * What a contact is created or replaced with. The e-mail is stored lower case and is unique; the phone,
 * when given, must be E.164 ({@code +351912345678}; spaces, dots, dashes and brackets are dropped). The
 * time zone is an IANA id ({@code Europe/Madrid}); left out, a new contact gets the zone of their phone
 * number's country (else the support zone) and a replaced one keeps theirs.
 */
public record ContactDraft(String name, String email, @Nullable String phone, Language language, @Nullable String timeZone) {

    public ContactDraft(String name, String email, @Nullable String phone, Language language) {
        this(name, email, phone, language, null);
    }
}
