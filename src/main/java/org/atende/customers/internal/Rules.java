package org.atende.customers.internal;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** The shape of names, e-mail addresses, domains and phone numbers; each returns the value as stored. */
final class Rules {

    static final String E164 = "\\+[1-9][0-9]{1,14}";
    /** A local part, an {@code @} and a domain; a domain of one label ({@code ops@intranet}) is an address on an intranet. */
    static final String EMAIL = "[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)*";
    static final String DOMAIN = "(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?";

    private static final Pattern E164_PATTERN = Pattern.compile(E164);
    private static final Pattern EMAIL_PATTERN = Pattern.compile(EMAIL);
    private static final Pattern DOMAIN_PATTERN = Pattern.compile(DOMAIN);
    private static final Pattern PHONE_DECORATION = Pattern.compile("[\\s.()\\-]");

    private Rules() {
    }

    static String text(@Nullable String value, String field, int max, Problems problems) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            problems.add(field, "must not be blank");
        } else if (text.length() > max) {
            problems.add(field, "must be at most " + max + " characters");
        }
        return text;
    }

    static String email(@Nullable String value, String field, Problems problems) {
        String email = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (email.length() > 320 || !EMAIL_PATTERN.matcher(email).matches()) {
            problems.add(field, "must be an e-mail address such as ana@example.com");
        }
        return email;
    }

    /** An E.164 number once spaces, dots, dashes and brackets are dropped; null stays null. */
    static @Nullable String phone(@Nullable String value, String field, Problems problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String phone = PHONE_DECORATION.matcher(value).replaceAll("");
        if (!E164_PATTERN.matcher(phone).matches()) {
            problems.add(field, "must be an E.164 number such as +351912345678");
        }
        return phone;
    }

    /** A domain name in lower case, without a leading {@code @}. */
    static String domain(@Nullable String value, String field, Problems problems) {
        String domain = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (domain.startsWith("@")) {
            domain = domain.substring(1);
        }
        if (!DOMAIN_PATTERN.matcher(domain).matches()) {
            problems.add(field, "must be a domain name such as example.com");
        }
        return domain;
    }
}
