package org.atende.channels.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.atende.tickets.Priority;
import org.atende.tickets.TicketFilter;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketType;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /api/v1/tickets/bulk}. */
@Schema(description = "Which tickets (ids, or a filter with the parameters of GET /api/v1/tickets) and what to do to each.")
record BulkRequest(
        @Schema(description = "Ticket ids, at most 1000 (repeats are ignored); or give `filter` instead")
        @Nullable List<@NotNull @Positive Long> ids,
        @Schema(description = "Every ticket matching these filters when the call runs; a filter matching more than 1000 is refused with the count")
        @Nullable TicketFilter filter,
        @Schema(description = "Ticket id → the `version` the caller read it at; a ticket changed since is refused as `stale`",
                example = "{\"101\": 4, \"102\": 1}")
        @Nullable Map<Long, Integer> expectedVersions,
        @NotNull Action action,
        @Schema(description = "For UPDATE: the fields to set (null leaves a field alone)")
        @Nullable @Valid Change change,
        @Schema(description = "For MERGE: the ticket the others are merged into, by id …")
        @Nullable @Positive Long intoTicketId,
        @Schema(description = "… or by number")
        @Nullable @Positive Long intoNumber) {

    enum Action {
        /** Set fields (assignee, team, status, priority, type, tags). */
        UPDATE,
        /** Merge every ticket but the target into the target. */
        MERGE,
        /** Close each as spam (its quota unit is given back). */
        SPAM,
        /** Close each; one not yet resolved is resolved first, then closed. */
        CLOSE
    }

    record Change(@Nullable @Positive Long assigneeId, @Nullable Boolean unassign, @Nullable @Positive Long teamId,
            @Nullable TicketStatus status, @Nullable Priority priority, @Nullable TicketType type,
            @Nullable @Size(max = 60) String category,
            @Nullable @Size(max = 50) Set<@NotBlank @Size(max = 60) String> addTags,
            @Nullable @Size(max = 50) Set<@NotBlank @Size(max = 60) String> removeTags) {
    }
}
