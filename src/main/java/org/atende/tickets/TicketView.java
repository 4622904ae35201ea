package org.atende.tickets;

import java.time.Instant;
import java.util.Set;

import org.atende.customers.ContactId;
import org.atende.customers.OrganisationId;
import org.atende.identity.TeamId;
import org.atende.identity.UserId;
import org.jspecify.annotations.Nullable;

/**
 * A ticket as others see it. {@code nextDueAt} is the earliest due time of its running SLA clocks;
 * {@code overQuota} marks a ticket opened past the plan's monthly allowance (billable); {@code closedAs}
 * and {@code mergedInto} say why a closed ticket was closed without being solved. {@code version} rises with
 * each change of the ticket's own fields: what a change made on this reading expects (see {@link TicketBulk}).
 */
public record TicketView(TicketId id, long number, OrganisationId organisationId, @Nullable ContactId requesterContactId,
        Channel channel, String subject, TicketType type, @Nullable String category, Priority priority,
        @Nullable Priority suggestedPriority, boolean triaged, TicketStatus status, @Nullable UserId assigneeId,
        @Nullable TeamId teamId, Set<String> tags, Instant receivedAt, Instant updatedAt, @Nullable Instant resolvedAt,
        @Nullable Instant closedAt, @Nullable Instant nextDueAt, boolean overQuota, @Nullable ClosedAs closedAs,
        @Nullable TicketId mergedInto, int version) {

    TicketView withTags(Set<String> names) {
        return new TicketView(id, number, organisationId, requesterContactId, channel, subject, type, category, priority,
                suggestedPriority, triaged, status, assigneeId, teamId, Set.copyOf(names), receivedAt, updatedAt,
                resolvedAt, closedAt, nextDueAt, overQuota, closedAs, mergedInto, version);
    }
}
