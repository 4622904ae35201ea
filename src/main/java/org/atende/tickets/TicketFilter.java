package org.atende.tickets;

import java.time.Instant;
import java.util.Set;

import org.atende.customers.Customers;
import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.TeamId;
import org.atende.identity.UserId;
import org.jspecify.annotations.Nullable;

/**
 * The filters of a ticket list, one field per query parameter of {@code GET /api/v1/tickets} (same names):
 * the list, a bulk call's {@code filter} object and a saved view all read tickets through {@link #query}.
 * A filter added to the list is added here, or the bulk call and the views would not have it
 * ({@code TicketFilterUnitTests} checks).
 */
public record TicketFilter(@Nullable Set<TicketStatus> status, @Nullable Set<Priority> priority,
        @Nullable Long organisationId, @Nullable Long assigneeId, @Nullable Long teamId, @Nullable String tag,
        @Nullable Channel channel, @Nullable TicketType type, @Nullable String q, @Nullable Boolean overQuota,
        @Nullable String accountLead, @Nullable Instant receivedFrom, @Nullable Instant receivedTo,
        @Nullable SlaRisk sla, @Nullable Boolean unassigned) {

    public static final TicketFilter NONE = new TicketFilter(null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null);

    public TicketQuery query(TicketQuery.Sort sort, int page, int size, Customers customers, Actor actor) {
        return new TicketQuery(status, priority, organisationId == null ? null : new OrganisationId(organisationId),
                assigneeId == null ? null : new UserId(assigneeId), teamId == null ? null : new TeamId(teamId),
                blankToNull(tag), channel, type, blankToNull(q), overQuota, ledBy(customers, actor), sort, page, size,
                Boolean.TRUE.equals(unassigned) ? Boolean.FALSE : null, null, receivedFrom, receivedTo, sla, null);
    }

    /** The same filters with other words. */
    public TicketFilter withWords(@Nullable String words) {
        return new TicketFilter(status, priority, organisationId, assigneeId, teamId, tag, channel, type, words, overQuota,
                accountLead, receivedFrom, receivedTo, sla, unassigned);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
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
