package org.atende.tickets;

import java.time.Instant;

import org.atende.customers.OrganisationId;

/** A ticket was received; its clocks start at {@code receivedAt}. */
public record TicketOpened(TicketId ticketId, long number, OrganisationId organisationId, Priority priority,
        TicketType type, Channel channel, Instant receivedAt) {
}
