package org.atende.identity;

/** Identifies a team of agents (first line, second line, engineering). */
public record TeamId(long value) {
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
