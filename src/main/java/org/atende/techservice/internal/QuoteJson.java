package org.atende.techservice.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.atende.identity.UserId;
import org.atende.techservice.QuoteState;
import org.atende.techservice.QuoteView;
import org.jspecify.annotations.Nullable;

/** A quote on the wire: plain ids, the amount in cents and as euros ({@code "1234.50"}), every step's who and when. */
record QuoteJson(long id, long ticketId, long ticketNumber, long organisationId, int revision, QuoteState state,
        String description, BigDecimal estimatedHours, long amountCents, String amountEuros, String currency,
        LocalDate validUntil, Instant expiresAt, long draftedBy, Instant draftedAt, @Nullable Long sentBy,
        @Nullable Instant sentAt, @Nullable Long decidedBy, @Nullable Instant acceptedAt, @Nullable Instant rejectedAt,
        @Nullable String rejectionReason, @Nullable Instant expiredAt, @Nullable Instant supersededAt,
        @Nullable Long supersededBy, @Nullable Long doneBy, @Nullable Instant doneAt, @Nullable Long invoicedBy,
        @Nullable Instant invoicedAt, @Nullable String invoiceReference, Instant updatedAt, int version) {

    static QuoteJson of(QuoteView q) {
        return new QuoteJson(q.id().value(), q.ticketId().value(), q.ticketNumber(), q.organisationId().value(), q.revision(),
                q.state(), q.description(), q.estimatedHours(), q.amountCents(), q.amountEuros(), "EUR", q.validUntil(),
                q.expiresAt(), q.draftedBy().value(), q.draftedAt(), id(q.sentBy()), q.sentAt(), id(q.decidedBy()),
                q.acceptedAt(), q.rejectedAt(), q.rejectionReason(), q.expiredAt(), q.supersededAt(),
                q.supersededBy() == null ? null : q.supersededBy().value(), id(q.doneBy()), q.doneAt(), id(q.invoicedBy()),
                q.invoicedAt(), q.invoiceReference(), q.updatedAt(), q.version());
    }

    private static @Nullable Long id(@Nullable UserId user) {
        return user == null ? null : user.value();
    }
}
