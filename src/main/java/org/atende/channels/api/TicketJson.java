package org.atende.channels.api;

import java.time.Instant;
import java.util.Set;

import org.atende.sla.TicketClocks;
import org.atende.tickets.Channel;
import org.atende.tickets.ClosedAs;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketType;
import org.atende.tickets.TicketView;
import org.jspecify.annotations.Nullable;

/**
 * A ticket in the API, with its SLA clocks read at the moment of the answer. {@code version} rises with each
 * change of the ticket's own fields: send it back in a bulk call's {@code expectedVersions} to be refused if
 * someone changed the ticket meanwhile.
 */
record TicketJson(long id, long number, long organisationId, @Nullable Long requesterContactId, Channel channel,
        String subject, TicketType type, @Nullable String category, Priority priority,
        @Nullable Priority suggestedPriority, boolean triaged, TicketStatus status, @Nullable Long assigneeId,
        @Nullable Long teamId, Set<String> tags, Instant receivedAt, Instant updatedAt, @Nullable Instant resolvedAt,
        @Nullable Instant closedAt, boolean overQuota, @Nullable ClosedAs closedAs, @Nullable Long mergedIntoId,
        TicketClocks sla, int version,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        @io.swagger.v3.oas.annotations.media.Schema(description = "In a search's results: the best matching text, "
                + "HTML-escaped, the matched words in <mark>")
        @Nullable String snippet) {

    static TicketJson of(TicketView t, TicketClocks clocks) {
        return of(t, clocks, null);
    }

    static TicketJson of(TicketView t, TicketClocks clocks, @Nullable String snippet) {
        return new TicketJson(t.id().value(), t.number(), t.organisationId().value(),
                t.requesterContactId() == null ? null : t.requesterContactId().value(), t.channel(), t.subject(),
                t.type(), t.category(), t.priority(), t.suggestedPriority(), t.triaged(), t.status(),
                t.assigneeId() == null ? null : t.assigneeId().value(), t.teamId() == null ? null : t.teamId().value(),
                t.tags(), t.receivedAt(), t.updatedAt(), t.resolvedAt(), t.closedAt(), t.overQuota(), t.closedAs(),
                t.mergedInto() == null ? null : t.mergedInto().value(), clocks, t.version(), snippet);
    }
}
