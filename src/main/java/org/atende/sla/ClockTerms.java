package org.atende.sla;

import java.time.Instant;
import java.util.Objects;

import org.atende.customers.Customers;
import org.atende.customers.OrganisationId;
import org.atende.customers.OrganisationSummary;
import org.atende.customers.PlanSummary;
import org.atende.sla.internal.ClockStore;
import org.atende.sla.internal.StoredClock;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The terms a ticket's clocks are measured by, and their recomputation when those change — its
 * priority, its policy's targets, its organisation's plan or calendar — from the same start and
 * pauses. Stopped clocks keep the outcome they had; a breach the new due time undoes is forgotten.
 * Clocks excluded from the SLA (technical service) are left as they are: they take the terms in force
 * when the ticket comes back to support.
 */
@Component
class ClockTerms {

    /** The policy an organisation's tickets are measured by, and the calendar (null: the support calendar). */
    record InForce(SlaPolicy policy, @Nullable Long calendarId) {
    }

    private final ClockStore store;
    private final ClockBook book;
    private final SlaPolicies policies;
    private final Customers customers;
    private final java.time.Clock clock;

    ClockTerms(ClockStore store, ClockBook book, SlaPolicies policies, Customers customers, java.time.Clock clock) {
        this.store = store;
        this.book = book;
        this.policies = policies;
        this.customers = customers;
        this.clock = clock;
    }

    /**
     * The terms in force for a ticket of {@code organisation}: its plan's policy, on the organisation's
     * calendar, else the policy's, else the support calendar.
     */
    InForce inForce(TicketId ticket, OrganisationId organisation) {
        return inForce(organisation, "ticket " + ticket);
    }

    /** The terms in force for a ticket of {@code organisation} that is not written yet. */
    InForce inForce(OrganisationId organisation) {
        return inForce(organisation, "a new ticket");
    }

    private InForce inForce(OrganisationId organisation, String whose) {
        OrganisationSummary org = customers.organisation(organisation)
                .orElseThrow(() -> new IllegalStateException(whose + ": no organisation " + organisation));
        PlanSummary plan = customers.plan(org.planId())
                .orElseThrow(() -> new IllegalStateException("organisation " + org.id() + ": no plan " + org.planId()));
        SlaPolicy policy = policies.get(plan.slaPolicyId())
                .orElseThrow(() -> new IllegalStateException("plan " + plan.id() + ": no SLA policy " + plan.slaPolicyId()));
        return new InForce(policy, org.calendarId() != null ? org.calendarId() : policy.calendarId());
    }

    /** A new priority under each clock's own policy and calendar. */
    void reprioritise(TicketId ticket, Priority priority, Instant at) {
        apply(ticket, priority, null, false, null, at, "priority " + priority);
    }

    /**
     * New terms: {@code policyId} (null: each clock's own) and, when {@code moveCalendar}, the calendar
     * {@code calendarId} (null: the support calendar).
     */
    void apply(TicketId ticket, Priority priority, @Nullable Long policyId, boolean moveCalendar,
            @Nullable Long calendarId, Instant at, String why) {
        Instant now = clock.instant();
        boolean changed = false;
        for (StoredClock c : store.lock(ticket)) {
            long policy = policyId != null ? policyId : c.policyId();
            SlaTarget target = policies.get(policy).orElseThrow().target(priority, c.key().kind());
            Long calendar = moveCalendar ? calendarId : c.calendarId();
            if (c.isStopped() || c.isExcluded() || (policy == c.policyId() && target.equals(c.facts().target())
                    && Objects.equals(calendar, c.calendarId()))) {
                continue;
            }
            if (policy != c.policyId() || !Objects.equals(calendar, c.calendarId())) {
                store.repolicy(c.key(), policy, calendar);
            }
            store.retarget(c.key(), target);
            StoredClock updated = reloaded(c);
            ClockReading reading = book.read(updated, now);
            store.clearMarks(c.key(), c.warnedAt() != null && reading.warnAt().isAfter(ClockBook.second(now)),
                    c.breachedAt() != null && !reading.breached());
            book.settle(updated, now);
            book.record(c, ClockBook.TARGET_CHANGED, at, "%s target %s (was %s) after %s: due %s".formatted(
                    c.key().kind().label(), target, c.facts().target(), why, reading.dueAt()));
            changed = true;
        }
        if (changed) {
            book.refreshNextDue(ticket);
            book.targetsChanged(ticket, at);
        }
    }

    private StoredClock reloaded(StoredClock c) {
        return store.load(java.util.List.of(c.key().ticket())).get(c.key().ticket()).stream()
                .filter(x -> x.key().equals(c.key())).findFirst().orElseThrow();
    }
}
