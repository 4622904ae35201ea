package org.atende.techservice;

/** Identifies a quote. */
public record QuoteId(long value) {
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
