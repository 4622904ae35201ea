package org.atende.techservice;

import java.time.Instant;

import org.atende.customers.OrganisationId;
import org.atende.identity.UserId;
import org.atende.tickets.TicketId;
import org.jspecify.annotations.Nullable;

/** The customer rejected a quote, with a reason when one was given. */
public record QuoteRejected(QuoteId quoteId, TicketId ticketId, OrganisationId organisationId, int revision,
        long amountCents, UserId rejectedBy, @Nullable String reason, Instant at) {
}
