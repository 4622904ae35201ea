package org.atende.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.atende.sla.internal.ClockStore;
import org.atende.sla.internal.FirstReplies;
import org.atende.sla.internal.StoredClock;
import org.atende.tickets.AgentReplied;
import org.atende.tickets.TicketOpened;
import org.atende.tickets.TicketReclassified;
import org.atende.tickets.Tickets;
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

    private final ClockStore store;
    private final ClockBook book;
    private final Clock clock;
    private final ClockTerms terms;
    private final TechnicalServiceClocks technicalService;
    private final FirstReplies firstReplies;
    private final Tickets tickets;

    TicketClockListener(ClockStore store, ClockBook book, Clock clock, ClockTerms terms,
            TechnicalServiceClocks technicalService, FirstReplies firstReplies, Tickets tickets) {
        this.tickets = tickets;
        this.store = store;
        this.book = book;
        this.clock = clock;
        this.terms = terms;
        this.technicalService = technicalService;
        this.firstReplies = firstReplies;
    }

    /** Starts both clocks of a support ticket at its reception, on the organisation's, else the policy's, else the support calendar. */
    @EventListener
    @Transactional
    void on(TicketOpened e) {
        if (!e.type().isSupport()) {
            return; // technical-service requests are quoted, not measured
        }
        Instant nextDue = book.start(e.ticketId(), e.priority(), terms.inForce(e.ticketId(), e.organisationId()),
                ClockBook.second(e.receivedAt()), clock.instant());
        if (nextDue != null) { // null: a repeated event, which changes nothing
            tickets.setNextDue(e.ticketId(), nextDue);
        }
    }

    /**
     * The first public agent reply stops the first-response clock; later replies change nothing. A reply
     * while the ticket is technical service is its first response too: the clock, which is not counting
     * then, stops at the reply with the time it had counted in support. A ticket without clocks
     * (opened as technical service) has the reply kept for the clocks it gets if it moves to support.
     */
    @EventListener
    @Transactional
    void on(AgentReplied e) {
        List<StoredClock> clocks = store.lock(e.ticketId());
        if (clocks.isEmpty()) {
            firstReplies.remember(e.ticketId(), ClockBook.second(e.at()));
            return;
        }
        for (StoredClock c : clocks) {
            if (c.key().kind() == ClockKind.FIRST_RESPONSE && !c.isStopped()) {
                book.settle(book.answered(c, e.at()), clock.instant());
                book.refreshNextDue(e.ticketId());
            }
        }
    }

    /**
     * A new priority recomputes the running clocks' targets and due times from the same start and pauses.
     * Leaving support for technical service stops and excludes the clocks; coming back restarts them
     * (see {@link TechnicalServiceClocks}). A priority changed while the ticket is technical service is
     * taken when it comes back.
     */
    @EventListener
    @Transactional
    void on(TicketReclassified e) {
        if (e.leftSupport()) {
            terms.reprioritise(e.ticketId(), e.priority(), e.at());
            technicalService.leave(e.ticketId(), e.at());
        } else if (e.returnedToSupport()) {
            technicalService.comeBack(e);
        } else if (e.type().isSupport()) {
            terms.reprioritise(e.ticketId(), e.priority(), e.at());
        }
    }
}
