package org.atende.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.atende.customers.Customers;
import org.atende.customers.OrganisationSummary;
import org.atende.customers.PlanSummary;
import org.atende.sla.internal.ClockKey;
import org.atende.sla.internal.ClockStore;
import org.atende.sla.internal.StoredClock;
import org.atende.tickets.AgentReplied;
import org.atende.tickets.TicketOpened;
import org.atende.tickets.TicketReclassified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps a ticket's clocks in step with the ticket.
 * <p>
 * These are synchronous {@code @EventListener}s, not {@code @ApplicationModuleListener}s (async, after
 * commit), on purpose: a clock is part of what a ticket change means. Running inside the transaction
 * that changes the ticket, the clocks commit or roll back with it, the API shows them right after the
 * change (no window in which a paused ticket's clock still counts, or a new ticket has none), and the
 * row locks taken here order the change with the sweep. The price: a failure here fails the ticket
 * change, which is what we want for a clock we could not keep. {@code @Transactional} joins the
 * publisher's transaction, and opens one if an event is published outside any.
 */
@Component
class TicketClockListener {

    private static final Logger log = LoggerFactory.getLogger(TicketClockListener.class);

    private final ClockStore store;
    private final ClockBook book;
    private final SlaPolicies policies;
    private final Customers customers;
    private final Clock clock;
    private final ClockTerms terms;

    TicketClockListener(ClockStore store, ClockBook book, SlaPolicies policies, Customers customers, Clock clock,
            ClockTerms terms) {
        this.store = store;
        this.book = book;
        this.policies = policies;
        this.customers = customers;
        this.clock = clock;
        this.terms = terms;
    }

    /** Starts both clocks of a support ticket at its reception, on the organisation's, else the policy's, else the support calendar. */
    @EventListener
    @Transactional
    void on(TicketOpened e) {
        if (!e.type().isSupport() || !store.lock(e.ticketId()).isEmpty()) {
            return; // technical-service requests are quoted, not measured; a repeated event changes nothing
        }
        OrganisationSummary organisation = customers.organisation(e.organisationId())
                .orElseThrow(() -> new IllegalStateException("ticket " + e.ticketId() + ": no organisation " + e.organisationId()));
        PlanSummary plan = customers.plan(organisation.planId())
                .orElseThrow(() -> new IllegalStateException("organisation " + organisation.id() + ": no plan " + organisation.planId()));
        SlaPolicy policy = policies.get(plan.slaPolicyId())
                .orElseThrow(() -> new IllegalStateException("plan " + plan.id() + ": no SLA policy " + plan.slaPolicyId()));
        Long calendarId = hasCalendar(organisation) ? organisation.calendarId() : policy.calendarId();
        Instant start = ClockBook.second(e.receivedAt());
        for (ClockKind kind : ClockKind.values()) {
            SlaTarget target = policy.target(e.priority(), kind);
            ClockKey key = new ClockKey(e.ticketId(), kind);
            StoredClock draft = new StoredClock(key, policy.id(), calendarId, null, policy.warningPercent(),
                    new ClockFacts(start, target, List.of(), null), ClockState.RUNNING, start, start, null, null);
            store.insert(key, policy.id(), calendarId, start, target, book.read(draft, clock.instant()));
        }
        store.lock(e.ticketId()).forEach(c -> book.settle(c, clock.instant()));
        book.refreshNextDue(e.ticketId());
    }

    private static boolean hasCalendar(OrganisationSummary organisation) {
        return organisation.calendarId() != null;
    }

    /** The first public agent reply stops the first-response clock; later replies change nothing. */
    @EventListener
    @Transactional
    void on(AgentReplied e) {
        for (StoredClock c : store.lock(e.ticketId())) {
            if (c.key().kind() == ClockKind.FIRST_RESPONSE && !c.isStopped()) {
                Instant at = ClockBook.second(e.at()).isBefore(c.facts().start()) ? c.facts().start() : ClockBook.second(e.at());
                book.settle(c.withFacts(new ClockFacts(c.facts().start(), c.facts().target(), c.facts().pauses(), at)),
                        clock.instant());
                book.refreshNextDue(e.ticketId());
            }
        }
    }

    /**
     * A new priority recomputes the running clocks' targets and due times from the same start and pauses.
     * A switch to technical service leaves the clocks as they are for now (quotes and quota come later).
     */
    @EventListener
    @Transactional
    void on(TicketReclassified e) {
        if (!e.type().isSupport()) {
            log.info("ticket {} reclassified as {}: its SLA clocks are left as they are", e.ticketId(), e.type());
            return;
        }
        terms.reprioritise(e.ticketId(), e.priority(), e.at());
    }
}
