package org.atende.macros;

import java.time.Instant;

import org.atende.customers.OrganisationId;
import org.atende.identity.UserId;
import org.atende.tickets.TicketId;

/** A macro was applied to a ticket (its name and scope as they were then), for the reports. */
public record MacroApplied(long macroId, String name, MacroScope scope, TicketId ticketId, OrganisationId organisationId,
        UserId appliedBy, Instant at) {
}
