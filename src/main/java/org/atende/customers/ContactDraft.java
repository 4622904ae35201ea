package org.atende.customers;

import org.jspecify.annotations.Nullable;

/**
 * What a contact is created or replaced with. The e-mail is stored lower case and is unique; the phone,
 * when given, must be E.164 ({@code +351912345678}; spaces, dots, dashes and brackets are dropped).
 */
public record ContactDraft(String name, String email, @Nullable String phone, Language language) {
}
