package org.atende.techservice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.atende.identity.Actor;
import org.atende.identity.UserId;
import org.atende.tickets.Tickets;
import org.atende.tickets.TimelineEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes each step of a quote on its ticket's timeline ({@code QUOTE_DRAFTED} … {@code QUOTE_INVOICED},
 * the states before and after, amount and revision in the detail) and publishes the events others
 * follow: sent, accepted, rejected, expired. Called inside the step's transaction.
 */
@Component
class QuoteHistory {

    static final String DRAFTED = "QUOTE_DRAFTED";
    static final String EDITED = "QUOTE_EDITED";
    static final String SENT = "QUOTE_SENT";
    static final String ACCEPTED = "QUOTE_ACCEPTED";
    static final String REJECTED = "QUOTE_REJECTED";
    static final String EXPIRED = "QUOTE_EXPIRED";
    static final String SUPERSEDED = "QUOTE_SUPERSEDED";
    static final String DONE = "QUOTE_DONE";
    static final String INVOICED = "QUOTE_INVOICED";

    private static final int DETAIL_MAX = 2000;

    private final Tickets tickets;
    private final ApplicationEventPublisher events;

    QuoteHistory(Tickets tickets, ApplicationEventPublisher events) {
        this.tickets = tickets;
        this.events = events;
    }

    void drafted(Quote q, Actor actor) {
        record(q, actor, DRAFTED, null, terms(q));
    }

    void edited(Quote q, Actor actor, QuoteRules.Terms before) {
        List<String> changes = new ArrayList<>();
        if (before.amountCents() != q.amountCents) {
            changes.add("amount " + Euros.format(before.amountCents()) + " -> " + Euros.format(q.amountCents) + " EUR");
        }
        if (before.estimatedHours().compareTo(q.estimatedHours) != 0) {
            changes.add("hours " + before.estimatedHours().toPlainString() + " -> " + q.estimatedHours.toPlainString());
        }
        if (!before.validUntil().equals(q.validUntil)) {
            changes.add("valid until " + before.validUntil() + " -> " + q.validUntil);
        }
        if (!before.description().equals(q.description)) {
            changes.add("description changed");
        }
        record(q, actor, EDITED, QuoteState.DRAFT, name(q) + ": " + String.join("; ", changes));
    }

    void sent(Quote q, Actor actor) {
        record(q, actor, SENT, QuoteState.DRAFT, terms(q));
        events.publishEvent(new QuoteSent(q.quoteId(), q.ticket(), q.organisation(), q.revision, q.amountCents,
                q.validUntil, q.updatedAt));
    }

    void accepted(Quote q, Actor actor) {
        record(q, actor, ACCEPTED, QuoteState.SENT, terms(q));
        events.publishEvent(new QuoteAccepted(q.quoteId(), q.ticket(), q.organisation(), q.revision, q.amountCents,
                actor.userId(), q.updatedAt));
    }

    void rejected(Quote q, Actor actor) {
        record(q, actor, REJECTED, QuoteState.SENT,
                terms(q) + (q.rejectionReason == null ? "" : "; reason: " + q.rejectionReason));
        events.publishEvent(new QuoteRejected(q.quoteId(), q.ticket(), q.organisation(), q.revision, q.amountCents,
                actor.userId(), q.rejectionReason, q.updatedAt));
    }

    /** By the desk itself: nobody acted. */
    void expired(Quote q) {
        write(q, q.updatedAt, null, TimelineEntry.SYSTEM, EXPIRED, QuoteState.SENT,
                terms(q) + "; not accepted by the end of " + q.validUntil + " (" + q.expiresAt + ")");
        events.publishEvent(new QuoteExpired(q.quoteId(), q.ticket(), q.organisation(), q.revision, q.amountCents,
                q.validUntil, q.updatedAt));
    }

    void superseded(Quote q, QuoteState from, Quote revision, Actor actor) {
        record(q, actor, SUPERSEDED, from, terms(q) + "; replaced by " + name(revision) + " (" + Euros.format(revision.amountCents) + " EUR)");
    }

    void done(Quote q, Actor actor) {
        record(q, actor, DONE, QuoteState.ACCEPTED, terms(q));
    }

    void invoiced(Quote q, Actor actor) {
        record(q, actor, INVOICED, QuoteState.DONE, terms(q) + "; invoice " + q.invoiceReference);
    }

    private void record(Quote q, Actor actor, String kind, @Nullable QuoteState from, String detail) {
        write(q, q.updatedAt, actor.userId(), actor.name(), kind, from, detail);
    }

    private void write(Quote q, Instant at, @Nullable UserId userId, String actor, String kind, @Nullable QuoteState from,
            String detail) {
        tickets.recordOnTimeline(q.ticket(), new TimelineEntry(at, userId, actor, kind, "quote",
                from == null ? null : from.name(), q.state.name(),
                detail.length() > DETAIL_MAX ? detail.substring(0, DETAIL_MAX - 1) + "…" : detail));
    }

    static String name(Quote q) {
        return "quote " + q.id + " revision " + q.revision;
    }

    /** e.g. {@code quote 12 revision 2: 1234.50 EUR, 6.50 h, valid until 2026-08-31}. */
    static String terms(Quote q) {
        return name(q) + ": " + Euros.format(q.amountCents) + " EUR, " + q.estimatedHours.toPlainString() + " h, valid until "
                + q.validUntil;
    }
}
