package org.atende.tickets;

import java.time.Instant;
import java.util.Set;

import org.atende.customers.ContactId;
import org.atende.customers.OrganisationId;
import org.atende.identity.TeamId;
import org.atende.identity.UserId;
import org.jspecify.annotations.Nullable;

/** A ticket as others see it. {@code nextDueAt} is the earliest due time of its running SLA clocks. */
public record TicketView(TicketId id, long number, OrganisationId organisationId, @Nullable ContactId requesterContactId,
        Channel channel, String subject, TicketType type, @Nullable String category, Priority priority,
        @Nullable Priority suggestedPriority, boolean triaged, TicketStatus status, @Nullable UserId assigneeId,
        @Nullable TeamId teamId, Set<String> tags, Instant receivedAt, Instant updatedAt, @Nullable Instant resolvedAt,
        @Nullable Instant closedAt, @Nullable Instant nextDueAt) {
}
