package org.atende.techservice;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.techservice.QuoteRules.Terms;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketType;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quotes for technical-service tickets. Every call names who is asking. Another organisation's ticket or
 * quote, and for customers a quote never sent, is "not found", before any role check. Agents draft,
 * edit, send and mark work done; a lead or admin invoices; only a customer of the organisation accepts or
 * rejects. Each step is on the ticket's timeline, in the step's transaction.
 */
@Service
@Transactional
public class Quotes {

    private final QuoteRepository quotes;
    private final QuoteStore store;
    private final QuoteHistory history;
    private final QuoteBilling billing;
    private final Tickets tickets;
    private final SupportZone zone;
    private final Clock clock;

    Quotes(QuoteRepository quotes, QuoteStore store, QuoteHistory history, QuoteBilling billing, Tickets tickets,
            SupportZone zone, Clock clock) {
        this.quotes = quotes;
        this.store = store;
        this.history = history;
        this.billing = billing;
        this.tickets = tickets;
        this.zone = zone;
        this.clock = clock;
    }

    /** A new draft on a technical-service ticket; its revision is the ticket's next. */
    public QuoteView draft(TicketId ticketId, QuoteDraft draft, Actor actor) {
        TicketView ticket = tickets.get(ticketId, actor);
        staffOnly(actor, "draft a quote");
        requireTechnicalService(ticket);
        Instant now = now();
        Terms terms = QuoteRules.checked(draft, zone.today(now));
        Quote q = quotes.save(new Quote(ticketId.value(), ticket.number(), ticket.organisationId().value(),
                store.nextRevision(ticketId.value()), terms.description(), terms.estimatedHours(), terms.amountCents(),
                terms.validUntil(), zone.endOf(terms.validUntil()), actor.userId().value(), now));
        history.drafted(q, actor);
        return q.view();
    }

    /** Changes a draft's terms; anything else is final for the customer's eyes, so it is revised instead. */
    public QuoteView edit(QuoteId id, QuoteChanges changes, Actor actor) {
        Quote q = lockVisible(id, actor);
        staffOnly(actor, "edit a quote");
        if (q.state != QuoteState.DRAFT) {
            throw QuoteProblem.notEditable(id, q.state);
        }
        if (changes.version() != null && changes.version() != q.version) {
            throw QuoteProblem.staleVersion(id, changes.version(), q.version);
        }
        requireTechnicalService(tickets.get(q.ticket(), actor));
        Instant now = now();
        Terms before = new Terms(q.description, q.estimatedHours, q.amountCents, q.validUntil);
        Terms after = QuoteRules.changed(before, changes, zone.today(now));
        if (after.equals(before)) {
            return q.view();
        }
        q.description = after.description();
        q.estimatedHours = after.estimatedHours();
        q.amountCents = after.amountCents();
        q.validUntil = after.validUntil();
        q.expiresAt = zone.endOf(after.validUntil());
        q.updatedAt = now;
        q = quotes.save(q);
        history.edited(q, actor, before);
        return q.view();
    }

    /**
     * Sends a draft to the customer. It supersedes the ticket's earlier open quotes (a sent one whose
     * validity has ended expires instead); it is refused while another quote of the ticket is accepted,
     * since agreed work is never replaced.
     */
    public QuoteView send(QuoteId id, Actor actor) {
        Quote found = visible(quotes.findById(id.value()), id, actor);
        staffOnly(actor, "send a quote");
        List<Quote> ticketQuotes = quotes.findAllById(store.lockTicket(found.ticketId));
        Quote q = ticketQuotes.stream().filter(x -> Objects.equals(x.id, found.id)).findFirst().orElseThrow();
        Instant now = now();
        requireMove(q, QuoteState.SENT);
        requireTechnicalService(tickets.get(q.ticket(), actor));
        LocalDate today = zone.today(now);
        if (q.validUntil.isBefore(today)) {
            throw QuoteProblem.validityPassed(id, q.validUntil, today);
        }
        for (Quote other : ticketQuotes) {
            if (other.state == QuoteState.ACCEPTED) {
                throw QuoteProblem.illegalTransition(other.quoteId(), other.state, QuoteState.SUPERSEDED,
                        QuoteTransitions.from(other.state));
            }
        }
        q.moveTo(QuoteState.SENT, now);
        q.sentBy = actor.userId().value();
        q.sentAt = now;
        q.expiresAt = zone.endOf(q.validUntil);
        q = quotes.save(q);
        history.sent(q, actor);
        for (Quote other : ticketQuotes) {
            if (other.revision < q.revision && other.state.isOpen()) {
                supersedeOrExpire(other, q, actor, now);
            }
        }
        return q.view();
    }

    /**
     * The customer accepts a sent quote. Past its validity it is expired at that instant, even before the
     * sweep gets to it: the expiry is kept and the acceptance refused.
     */
    @Transactional(noRollbackFor = QuoteProblem.class)
    public QuoteView accept(QuoteId id, Actor actor) {
        Quote q = lockVisible(id, actor);
        customerOnly(actor, "accept");
        requireTechnicalService(tickets.get(q.ticket(), actor)); // back in support: there is no work to agree to
        Instant now = now();
        q = expireIfLapsed(q, now);
        q.moveTo(QuoteState.ACCEPTED, now);
        q.decidedBy = actor.userId().value();
        q.acceptedAt = now;
        q = quotes.save(q);
        history.accepted(q, actor);
        return q.view();
    }

    /** The customer rejects a sent quote, with an optional reason; past its validity it has expired instead. */
    @Transactional(noRollbackFor = QuoteProblem.class)
    public QuoteView reject(QuoteId id, @Nullable String reason, Actor actor) {
        Quote q = lockVisible(id, actor);
        customerOnly(actor, "reject");
        String why = QuoteRules.reason(reason);
        Instant now = now();
        q = expireIfLapsed(q, now);
        q.moveTo(QuoteState.REJECTED, now);
        q.decidedBy = actor.userId().value();
        q.rejectedAt = now;
        q.rejectionReason = why;
        q = quotes.save(q);
        history.rejected(q, actor);
        return q.view();
    }

    /** The accepted work is done; work never starts before acceptance. */
    public QuoteView markDone(QuoteId id, Actor actor) {
        Quote q = lockVisible(id, actor);
        staffOnly(actor, "mark quoted work done");
        Instant now = now();
        q.moveTo(QuoteState.DONE, now);
        q.doneBy = actor.userId().value();
        q.doneAt = now;
        q = quotes.save(q);
        history.done(q, actor);
        return q.view();
    }

    /** Done work is invoiced, by a lead or an admin, under the invoice's reference. */
    public QuoteView invoice(QuoteId id, @Nullable String invoiceReference, Actor actor) {
        Quote q = lockVisible(id, actor);
        if (!actor.hasAtLeast(Role.LEAD)) {
            throw QuoteProblem.forbidden("only a lead or an admin may invoice a quote");
        }
        String reference = QuoteRules.invoiceReference(invoiceReference);
        Instant now = now();
        q.moveTo(QuoteState.INVOICED, now);
        q.invoicedBy = actor.userId().value();
        q.invoicedAt = now;
        q.invoiceReference = reference;
        q = quotes.save(q);
        history.invoiced(q, actor);
        return q.view();
    }

    @Transactional(readOnly = true)
    public QuoteView get(QuoteId id, Actor actor) {
        return visible(quotes.findById(id.value()), id, actor).view();
    }

    /** A ticket's quotes by revision; customers see the ones sent to them, never drafts. */
    @Transactional(readOnly = true)
    public List<QuoteView> ofTicket(TicketId ticketId, Actor actor) {
        tickets.get(ticketId, actor);
        return quotes.findByTicketIdOrderByRevision(ticketId.value()).stream()
                .filter(q -> actor.isStaff() || q.wasSent()).map(Quote::view).toList();
    }

    /** The quotes accepted in {@code month} (support time zone) to bill; leads and admins only. */
    @Transactional(readOnly = true)
    public BillingReport billing(YearMonth month, @Nullable OrganisationId organisation, Actor actor) {
        if (!actor.hasAtLeast(Role.LEAD)) {
            throw QuoteProblem.forbidden("only a lead or an admin may export billing");
        }
        return billing.report(month, organisation, actor);
    }

    /** Expires one sent quote whose validity ended by {@code now}; false when it no longer qualifies. For the sweep. */
    boolean expireLapsed(long id, Instant now) {
        Quote q = quotes.findById(id).orElse(null);
        if (q == null || !q.lapsedAt(now)) {
            return false;
        }
        expire(q, now);
        return true;
    }

    private Quote expireIfLapsed(Quote q, Instant now) {
        return q.lapsedAt(now) ? expire(q, now) : q;
    }

    private Quote expire(Quote q, Instant now) {
        q.moveTo(QuoteState.EXPIRED, now);
        q.expiredAt = now;
        Quote saved = quotes.save(q);
        history.expired(saved);
        return saved;
    }

    private void supersedeOrExpire(Quote other, Quote revision, Actor actor, Instant now) {
        if (other.lapsedAt(now)) {
            expire(other, now);
            return;
        }
        QuoteState from = other.state;
        other.moveTo(QuoteState.SUPERSEDED, now);
        other.supersededAt = now;
        other.supersededBy = revision.id;
        history.superseded(quotes.save(other), from, revision, actor);
    }

    private Quote lockVisible(QuoteId id, Actor actor) {
        store.lock(id.value());
        return visible(quotes.findById(id.value()), id, actor);
    }

    private static Quote visible(Optional<Quote> found, QuoteId id, Actor actor) {
        return found.filter(q -> actor.canSee(q.organisation()) && (actor.isStaff() || q.wasSent()))
                .orElseThrow(() -> QuoteProblem.notFound("quote " + id));
    }

    private static void requireMove(Quote q, QuoteState to) {
        if (!QuoteTransitions.allows(q.state, to)) {
            throw QuoteProblem.illegalTransition(q.quoteId(), q.state, to, QuoteTransitions.from(q.state));
        }
    }

    private static void requireTechnicalService(TicketView ticket) {
        if (ticket.type() != TicketType.TECHNICAL_SERVICE) {
            throw QuoteProblem.notTechnicalService(ticket.number(), ticket.type().name());
        }
    }

    private static void staffOnly(Actor actor, String what) {
        if (!actor.isStaff()) {
            throw QuoteProblem.forbidden("only Customer Care staff may " + what);
        }
    }

    private static void customerOnly(Actor actor, String what) {
        if (actor.isStaff()) {
            throw QuoteProblem.forbidden("only a customer of the organisation may " + what
                    + " a quote; staff cannot decide on a customer's behalf");
        }
    }

    /** Steps are dated to the second, like the rest of the desk's timeline. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
