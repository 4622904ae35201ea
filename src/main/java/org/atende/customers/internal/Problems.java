package org.atende.customers.internal;

import java.util.ArrayList;
import java.util.List;

import org.atende.customers.CustomerDataException;
import org.atende.customers.CustomerDataException.FieldError;

/** Collects every field at fault before refusing a write, so the caller learns them all at once. */
final class Problems {

    private final List<FieldError> errors = new ArrayList<>();

    void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Refuses with 400 when a value broke a rule. */
    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw CustomerDataException.invalid(errors);
        }
    }

    /** Refuses with 409 when a unique value is taken. */
    void throwIfConflicting() {
        if (!errors.isEmpty()) {
            throw CustomerDataException.conflict(errors);
        }
    }
}
