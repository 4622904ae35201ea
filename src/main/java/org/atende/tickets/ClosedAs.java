package org.atende.tickets;

/**
 * Why a ticket was closed without being solved: it was {@code SPAM}, or a {@code DUPLICATE} merged into
 * another ticket. Either way it gives its quota unit back and its clocks stop.
 */
public enum ClosedAs {
    SPAM, DUPLICATE
}
