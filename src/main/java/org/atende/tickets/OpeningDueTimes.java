package org.atende.tickets;

import java.time.Instant;

import org.atende.customers.OrganisationId;
import org.jspecify.annotations.Nullable;

/**
 * The earliest due time a new ticket's SLA clocks will have (the queue's sort key, {@link TicketView#nextDueAt()}),
 * asked before the ticket is written so that its row holds it from its insert: implemented by the module that keeps
 * the clocks. The clocks, started when the ticket opens, write it again only when they come to another time.
 */
public interface OpeningDueTimes {

    /** Null when the ticket gets no counting clock (technical service is quoted, not measured). */
    @Nullable Instant firstDue(OrganisationId organisation, Priority priority, TicketType type, Instant receivedAt);
}
