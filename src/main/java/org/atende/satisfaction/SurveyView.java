package org.atende.satisfaction;

import java.time.Instant;

import org.atende.customers.ContactId;
import org.atende.customers.Language;
import org.atende.tickets.Channel;
import org.atende.tickets.TicketId;
import org.jspecify.annotations.Nullable;

/**
 * One question to a ticket's requester after a resolution, and the answer if there is one: {@code askedBy} is the
 * channel the question went on (EMAIL, WHATSAPP, or PORTAL for a prompt only), {@code ratedVia} where it was answered.
 */
public record SurveyView(long id, TicketId ticketId, ContactId contactId, Channel askedBy, Language language, Instant askedAt,
        Instant expiresAt, @Nullable Rating rating, @Nullable Instant ratedAt, @Nullable Channel ratedVia,
        @Nullable String comment, @Nullable Instant commentedAt) {

    public boolean rated() {
        return rating != null;
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
