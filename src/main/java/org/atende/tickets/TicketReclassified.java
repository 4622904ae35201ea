package org.atende.tickets;

import java.time.Instant;

import org.atende.customers.OrganisationId;

/**
 * A ticket's priority or type changed. Support clocks are recomputed from the same start and pauses;
 * a move between support and technical service ({@code previousType} to {@code type}) stops or restarts
 * them, from {@code receivedAt}; {@code status} is the ticket's status after the change.
 */
public record TicketReclassified(TicketId ticketId, OrganisationId organisationId, Priority priority,
        TicketType previousType, TicketType type, TicketStatus status, Instant receivedAt, Instant at) {

    /** The ticket left support for technical service. */
    public boolean leftSupport() {
        return previousType.isSupport() && !type.isSupport();
    }

    /** The ticket came back from technical service to support. */
    public boolean returnedToSupport() {
        return !previousType.isSupport() && type.isSupport();
    }
}
