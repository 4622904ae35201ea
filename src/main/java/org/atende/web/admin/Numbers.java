package org.atende.web.admin;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** Numbers and choices as typed in a form: a problem on the field when they are not, never an exception. */
final class Numbers {

    private Numbers() {
    }

    static @Nullable Integer integer(String text, String field, FieldErrors errors) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            errors.add(field, "must be a whole number");
            return null;
        }
    }

    /** A whole number, or null when the field was left blank (an optional choice). */
    static @Nullable Long optionalWhole(String text, String field, FieldErrors errors) {
        return text.isBlank() ? null : whole(text, field, errors);
    }

    static @Nullable Long whole(String text, String field, FieldErrors errors) {
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            errors.add(field, "must be chosen");
            return null;
        }
    }

    static <E extends Enum<E>> @Nullable E choice(Class<E> type, String text, String field, FieldErrors errors) {
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(field, "must be chosen");
            return null;
        }
    }
}
