package org.atende.reporting;

import java.time.Instant;
import java.util.List;

import org.atende.customers.OrganisationId;
import org.atende.tickets.TicketId;

/** A clock that went past its target, with what happened to the ticket before (its causes, oldest first). */
public record Breach(TicketId ticketId, long ticketNumber, OrganisationId organisationId, String priority, String clock,
        Instant dueAt, Instant breachedAt, List<Cause> causes) {

    public Breach {
        causes = List.copyOf(causes);
    }

    /** One event of the ticket before the breach: a priority or type change, a pause, an escalation, a warning. */
    public record Cause(Instant at, String kind, String detail) {
    }
}
