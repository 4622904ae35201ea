package org.atende.identity;

/** Identifies an API token (never its secret). */
public record TokenId(long value) {
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
