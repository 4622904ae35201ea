package org.atende.techservice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.atende.customers.OrganisationId;
import org.atende.identity.UserId;
import org.atende.tickets.TicketId;
import org.jspecify.annotations.Nullable;

/**
 * A quote as others see it: its terms, its state, who took each step and when. {@code expiresAt} is the
 * first instant after {@code validUntil} in the support time zone; {@code decidedBy} is the customer who
 * accepted or rejected it; {@code supersededBy} the revision that replaced it.
 */
public record QuoteView(QuoteId id, TicketId ticketId, long ticketNumber, OrganisationId organisationId, int revision,
        QuoteState state, String description, BigDecimal estimatedHours, long amountCents, LocalDate validUntil,
        Instant expiresAt, UserId draftedBy, Instant draftedAt, @Nullable UserId sentBy, @Nullable Instant sentAt,
        @Nullable UserId decidedBy, @Nullable Instant acceptedAt, @Nullable Instant rejectedAt,
        @Nullable String rejectionReason, @Nullable Instant expiredAt, @Nullable Instant supersededAt,
        @Nullable QuoteId supersededBy, @Nullable UserId doneBy, @Nullable Instant doneAt, @Nullable UserId invoicedBy,
        @Nullable Instant invoicedAt, @Nullable String invoiceReference, Instant updatedAt, int version) {

    /** The amount in euros with two decimals, e.g. {@code 1234.50}. */
    public String amountEuros() {
        return Euros.format(amountCents);
    }
}
