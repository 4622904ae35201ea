package org.atende.tickets;

import java.util.Set;

import org.atende.customers.ContactId;
import org.atende.customers.OrganisationId;
import org.jspecify.annotations.Nullable;

/**
 * A request to open a ticket. A customer's own organisation and contact are used whatever is
 * given; staff name the organisation (and, optionally, the requester). The priority is the plan's
 * default until an agent triages; {@code suggestedPriority} is the customer's wish, kept aside.
 */
public record OpenTicket(@Nullable OrganisationId organisationId, @Nullable ContactId requester, Channel channel,
        String subject, String body, @Nullable TicketType type, @Nullable String category,
        @Nullable Priority suggestedPriority, Set<String> tags) {

    public OpenTicket {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }
}
