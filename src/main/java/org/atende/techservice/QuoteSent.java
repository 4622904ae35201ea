package org.atende.techservice;

import java.time.Instant;
import java.time.LocalDate;

import org.atende.customers.OrganisationId;
import org.atende.tickets.TicketId;

/** A quote went to the customer, who may accept it through {@code validUntil} (support time zone). */
public record QuoteSent(QuoteId quoteId, TicketId ticketId, OrganisationId organisationId, int revision,
        long amountCents, LocalDate validUntil, Instant at) {
}
