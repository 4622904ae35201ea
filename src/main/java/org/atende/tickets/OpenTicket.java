package org.atende.tickets;

import java.time.Instant;
import java.util.Set;

import org.atende.customers.ContactId;
import org.atende.customers.OrganisationId;
import org.jspecify.annotations.Nullable;

/**
 * A request to open a ticket. A customer's own organisation and contact are used whatever is
 * given; staff name the organisation (and, optionally, the requester). The priority is the plan's
 * default until an agent triages; {@code suggestedPriority} is the customer's wish, kept aside.
 * {@code receivedAt} is when the channel received the request (an e-mail's arrival, a WhatsApp
 * message's timestamp); the clocks start there. Left out, it is now; it is never in the future.
 */
public record OpenTicket(@Nullable OrganisationId organisationId, @Nullable ContactId requester, Channel channel,
        String subject, String body, @Nullable TicketType type, @Nullable String category,
        @Nullable Priority suggestedPriority, Set<String> tags, @Nullable Instant receivedAt) {

    public OpenTicket {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    public OpenTicket(@Nullable OrganisationId organisationId, @Nullable ContactId requester, Channel channel,
            String subject, String body, @Nullable TicketType type, @Nullable String category,
            @Nullable Priority suggestedPriority, Set<String> tags) {
        this(organisationId, requester, channel, subject, body, type, category, suggestedPriority, tags, null);
    }
}
