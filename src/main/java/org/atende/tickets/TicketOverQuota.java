package org.atende.tickets;

import java.time.Instant;
import java.time.YearMonth;

import org.atende.customers.OrganisationId;

/**
 * A ticket opened past its organisation's monthly allowance on a plan that accepts and flags it: it is
 * billable, and the organisation's account lead should know. {@code number} is its place in the month.
 */
public record TicketOverQuota(TicketId ticketId, OrganisationId organisationId, YearMonth month, int allowance,
        int number, Instant at) {
}
