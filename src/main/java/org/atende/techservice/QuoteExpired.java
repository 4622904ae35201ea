package org.atende.techservice;

import java.time.Instant;
import java.time.LocalDate;

import org.atende.customers.OrganisationId;
import org.atende.tickets.TicketId;

/** A sent quote was neither accepted nor rejected by the end of {@code validUntil}; {@code at} is when the desk noticed. */
public record QuoteExpired(QuoteId quoteId, TicketId ticketId, OrganisationId organisationId, int revision,
        long amountCents, LocalDate validUntil, Instant at) {
}
