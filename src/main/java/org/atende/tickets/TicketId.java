package org.atende.tickets;

/** Identifies a ticket internally; people use its {@code number} (#1042). */
public record TicketId(long value) {
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
