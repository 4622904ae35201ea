package org.atende.customers;

/** Identifies a Support &amp; Success plan. */
public record PlanId(long value) {
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
