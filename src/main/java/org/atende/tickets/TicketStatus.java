package org.atende.tickets;

/** Where a ticket stands in its life. */
public enum TicketStatus {
    NEW, OPEN, WAITING_ON_CUSTOMER, ON_HOLD, RESOLVED, CLOSED
}
