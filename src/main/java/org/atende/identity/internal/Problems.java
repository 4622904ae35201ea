package org.atende.identity.internal;

import java.util.ArrayList;
import java.util.List;

import org.atende.identity.IdentityDataException;
import org.atende.identity.IdentityDataException.FieldError;

/** Collects every field at fault before refusing a write, so the caller learns them all at once. */
final class Problems {

    private final List<FieldError> errors = new ArrayList<>();

    void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw IdentityDataException.invalid(errors);
        }
    }

    void throwIfConflicting() {
        if (!errors.isEmpty()) {
            throw IdentityDataException.conflict(errors);
        }
    }

    static IdentityDataException invalid(String field, String message) {
        return IdentityDataException.invalid(List.of(new FieldError(field, message)));
    }

    static IdentityDataException conflict(String field, String message) {
        return IdentityDataException.conflict(List.of(new FieldError(field, message)));
    }

    static String text(String value, String field, int max, Problems problems) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            problems.add(field, "must not be blank");
        } else if (text.length() > max) {
            problems.add(field, "must be at most " + max + " characters");
        }
        return text;
    }
}
