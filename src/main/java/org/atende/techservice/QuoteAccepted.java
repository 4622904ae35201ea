package org.atende.techservice;

import java.time.Instant;

import org.atende.customers.OrganisationId;
import org.atende.identity.UserId;
import org.atende.tickets.TicketId;

/** The customer accepted a quote: the work may start, and it is billed in the month of {@code at}. */
public record QuoteAccepted(QuoteId quoteId, TicketId ticketId, OrganisationId organisationId, int revision,
        long amountCents, UserId acceptedBy, Instant at) {
}
