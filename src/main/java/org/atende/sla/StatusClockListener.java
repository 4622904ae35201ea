package org.atende.sla;

import java.time.Clock;
import java.time.Instant;

import org.atende.sla.internal.ClockStore;
import org.atende.sla.internal.StoredClock;
import org.atende.tickets.TicketStatusChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pauses, stops and resumes clocks as a ticket's status changes: a pausing status of the policy pauses
 * the resolution clock, RESOLVED or CLOSED stops it (and a first-response clock still running: the
 * ticket was answered by being solved), leaving them resumes it. Every pause and resume is on the
 * timeline. Clocks excluded from the SLA (the ticket is technical service) are left alone: the status
 * the ticket has when it comes back is applied then, by {@link TechnicalServiceClocks}. Synchronous, in
 * the ticket's transaction, for the reasons given on {@link TicketClockListener}.
 */
@Component
class StatusClockListener {

    private final ClockStore store;
    private final ClockBook book;
    private final SlaPolicies policies;
    private final Clock clock;

    StatusClockListener(ClockStore store, ClockBook book, SlaPolicies policies, Clock clock) {
        this.store = store;
        this.book = book;
        this.policies = policies;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    void on(TicketStatusChanged e) {
        var clocks = store.lock(e.ticketId());
        if (clocks.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (StoredClock c : clocks) {
            if (c.isExcluded()) {
                continue; // technical service: the status it has on coming back is applied then
            }
            if (c.key().kind() == ClockKind.RESOLUTION) {
                resolution(c, e, now);
            } else if (ResolutionTransition.STOPPING.contains(e.to()) && !c.isStopped()) {
                book.settle(book.answered(c, e.at()), now);
            }
        }
        book.refreshNextDue(e.ticketId());
    }

    private void resolution(StoredClock c, TicketStatusChanged e, Instant now) {
        var pausing = policies.get(c.policyId()).orElseThrow().pausingStatuses();
        var plan = ResolutionTransition.plan(c.facts(), e.from(), e.to(), pausing, e.at());
        if (!plan.changes()) {
            return;
        }
        boolean wasCounting = !c.isStopped() && !c.facts().isPaused();
        book.write(c.key(), plan);
        StoredClock changed = c.withFacts(plan.after());
        ClockReading reading = book.settle(changed, now).reading();
        boolean counting = !changed.isStopped() && !plan.after().isPaused();
        Instant at = ClockBook.second(e.at());
        if (plan.steps().stream().anyMatch(s -> s instanceof ResolutionTransition.Step.OpenPause)) {
            book.record(c, ClockBook.PAUSED, at, "%s clock paused while %s".formatted(c.key().kind().label(), e.to()));
        }
        if (counting && !wasCounting) {
            book.record(c, ClockBook.RESUMED, at, "%s clock resumed%s: due %s".formatted(c.key().kind().label(),
                    c.isStopped() ? " on reopening" : "", reading.dueAt()));
        }
    }
}
