package org.atende.sla;

import java.time.Instant;

import org.atende.tickets.TicketId;

/**
 * New terms moved a ticket's running clocks (a policy's targets, the organisation's plan or calendar,
 * the plan's policy): their due times are recomputed from the same start and pauses. A new priority or
 * type is the ticket's own event. Published once per ticket and change.
 */
public record SlaTargetsChanged(TicketId ticketId, Instant at) {
}
