package org.atende.customers;

/** Identifies a customer organisation. */
public record OrganisationId(long value) {
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
