package org.atende.channels.api;

import java.util.Set;

import org.atende.customers.Customers;
import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.TeamId;
import org.atende.identity.UserId;
import org.atende.tickets.Channel;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketProblems;
import org.atende.tickets.TicketQuery;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketType;
import org.jspecify.annotations.Nullable;

/**
 * The filters of a ticket list, one field per query parameter of {@code GET /api/v1/tickets} (same names),
 * and the {@code filter} object of a bulk call: both read tickets through {@link #query}. A filter added to
 * the list is added here, or the bulk call would not have it ({@code TicketFilterUnitTests} checks).
 */
record TicketFilter(@Nullable Set<TicketStatus> status, @Nullable Set<Priority> priority, @Nullable Long organisationId,
        @Nullable Long assigneeId, @Nullable Long teamId, @Nullable String tag, @Nullable Channel channel,
        @Nullable TicketType type, @Nullable String q, @Nullable Boolean overQuota, @Nullable String accountLead) {

    TicketQuery query(TicketQuery.Sort sort, int page, int size, Customers customers, Actor actor) {
        return new TicketQuery(status, priority, organisationId == null ? null : new OrganisationId(organisationId),
                assigneeId == null ? null : new UserId(assigneeId), teamId == null ? null : new TeamId(teamId),
                tag, channel, type, q, overQuota, ledBy(customers, actor), sort, page, size);
    }

    /** {@code accountLead=me} (or a user id): the organisations that staff member looks after. */
    private @Nullable Set<OrganisationId> ledBy(Customers customers, Actor actor) {
        if (accountLead == null || accountLead.isBlank()) {
            return null;
        }
        long lead;
        if (accountLead.equals("me")) {
            lead = actor.userId().value();
        } else {
            try {
                lead = Long.parseLong(accountLead);
            } catch (NumberFormatException e) {
                throw TicketProblems.invalid("accountLead is 'me' or a user id, not '" + accountLead + "'");
            }
        }
        return Set.copyOf(customers.organisationsLedBy(lead));
    }
}
