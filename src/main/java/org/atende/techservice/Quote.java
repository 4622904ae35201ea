package org.atende.techservice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.atende.customers.OrganisationId;
import org.atende.identity.UserId;
import org.atende.tickets.TicketId;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** The quote aggregate: its terms, its state and the record of each step. Moves only along {@link QuoteTransitions}. */
@Table("quote")
class Quote {

    @Id
    @Nullable Long id;
    long ticketId;
    long ticketNumber;
    long organisationId;
    int revision;
    QuoteState state;
    String description;
    BigDecimal estimatedHours;
    long amountCents;
    LocalDate validUntil;
    Instant expiresAt;
    long draftedBy;
    Instant draftedAt;
    @Nullable Long sentBy;
    @Nullable Instant sentAt;
    @Nullable Long decidedBy;
    @Nullable Instant acceptedAt;
    @Nullable Instant rejectedAt;
    @Nullable String rejectionReason;
    @Nullable Instant expiredAt;
    @Nullable Instant supersededAt;
    @Nullable Long supersededBy;
    @Nullable Long doneBy;
    @Nullable Instant doneAt;
    @Nullable Long invoicedBy;
    @Nullable Instant invoicedAt;
    @Nullable String invoiceReference;
    Instant updatedAt;
    @Version
    int version;

    Quote(long ticketId, long ticketNumber, long organisationId, int revision, String description,
            BigDecimal estimatedHours, long amountCents, LocalDate validUntil, Instant expiresAt, long draftedBy,
            Instant draftedAt) {
        this.ticketId = ticketId;
        this.ticketNumber = ticketNumber;
        this.organisationId = organisationId;
        this.revision = revision;
        this.state = QuoteState.DRAFT;
        this.description = description;
        this.estimatedHours = estimatedHours;
        this.amountCents = amountCents;
        this.validUntil = validUntil;
        this.expiresAt = expiresAt;
        this.draftedBy = draftedBy;
        this.draftedAt = draftedAt;
        this.updatedAt = draftedAt;
    }

    QuoteId quoteId() {
        return new QuoteId(id == null ? 0 : id);
    }

    TicketId ticket() {
        return new TicketId(ticketId);
    }

    OrganisationId organisation() {
        return new OrganisationId(organisationId);
    }

    /** Sent quotes, and only those, are the customer's to see: drafts stay inside the desk. */
    boolean wasSent() {
        return sentAt != null;
    }

    /** A sent quote is expired from the first instant after its validity day. */
    boolean lapsedAt(Instant now) {
        return state == QuoteState.SENT && !now.isBefore(expiresAt);
    }

    /** Moves to {@code to} at {@code at}, or refuses with the 409 that lists what is allowed. */
    void moveTo(QuoteState to, Instant at) {
        if (!QuoteTransitions.allows(state, to)) {
            throw QuoteProblem.illegalTransition(quoteId(), state, to, QuoteTransitions.from(state));
        }
        state = to;
        updatedAt = at;
    }

    QuoteView view() {
        return new QuoteView(quoteId(), ticket(), ticketNumber, organisation(), revision, state, description,
                estimatedHours, amountCents, validUntil, expiresAt, new UserId(draftedBy), draftedAt, user(sentBy), sentAt,
                user(decidedBy), acceptedAt, rejectedAt, rejectionReason, expiredAt, supersededAt,
                supersededBy == null ? null : new QuoteId(supersededBy), user(doneBy), doneAt, user(invoicedBy),
                invoicedAt, invoiceReference, updatedAt, version);
    }

    private static @Nullable UserId user(@Nullable Long id) {
        return id == null ? null : new UserId(id);
    }
}
