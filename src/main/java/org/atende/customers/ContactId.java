package org.atende.customers;

/** Identifies a contact (a person) of a customer organisation. */
public record ContactId(long value) {
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
