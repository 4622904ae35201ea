package org.atende.identity;

/** Identifies a user who signs in. */
public record UserId(long value) {
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
