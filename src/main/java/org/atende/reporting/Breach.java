package org.atende.reporting;

import java.time.Instant;
import java.util.List;

import org.atende.customers.OrganisationId;
import org.atende.tickets.TicketId;
import org.jspecify.annotations.Nullable;

/**
 * A clock that went past its target, with what happened to the ticket before (its causes, oldest first).
 * {@code breachedAt} is when it passed its target: its due time on the business calendar, equal to
 * {@code dueAt}. {@code noticedAt} is when the desk marked it (the sweep, a late stop); null while a clock
 * runs past its due time and nothing has marked it yet.
 */
public record Breach(TicketId ticketId, long ticketNumber, OrganisationId organisationId, String priority, String clock,
        Instant dueAt, Instant breachedAt, @Nullable Instant noticedAt, List<Cause> causes) {

    public Breach {
        causes = List.copyOf(causes);
    }

    Breach withCauses(List<Cause> found) {
        return new Breach(ticketId, ticketNumber, organisationId, priority, clock, dueAt, breachedAt, noticedAt, found);
    }

    /**
     * One event of the ticket up to the breach, from its timeline: {@code PRIORITY} or {@code TYPE} (a change
     * from {@code from} to {@code to}), {@code STATUS} (a pause or a resume: to or from waiting on the
     * customer or on hold), {@code REOPENED}, {@code ESCALATED} ({@code to} the team, {@code detail} the
     * reason), {@code SLA_WARNING} ({@code to} the clock warned of). {@code detail} is what a person wrote,
     * if anything.
     */
    public record Cause(Instant at, String kind, @Nullable String from, @Nullable String to, @Nullable String detail) {
    }
}
