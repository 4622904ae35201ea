package org.atende.channels.api;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.atende.tickets.Channel;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketType;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/** The JSON bodies the ticket API accepts; the lengths of subjects, messages and tags are {@code atende.limits.*}. */
final class TicketRequests {

    private TicketRequests() {
    }

    /** Customers' organisation and contact come from their token; staff name them. */
    record Open(@Nullable @Positive Long organisationId, @Nullable @Positive Long requesterContactId,
            @Schema(description = "Where the request came in. When left out: APP for a token of kind APP (the vendor's app), "
                    + "API for any other token (an integration). DESK marks notes written in the desk's pages and is refused here.")
            @Nullable Channel channel, @NotBlank String subject, @NotBlank String body,
            @Nullable TicketType type, @Nullable @Size(max = 60) String category, @Nullable Priority suggestedPriority,
            @Nullable Set<@NotBlank @Size(max = 60) String> tags) {
    }

    record Update(@Nullable Priority priority, @Nullable TicketType type, @Nullable @Size(max = 60) String category,
            @Nullable TicketStatus status, @Nullable @Positive Long assigneeId, @Nullable Boolean unassign,
            @Nullable @Positive Long teamId, @Nullable Set<@NotBlank @Size(max = 60) String> tags) {
    }

    record Message(@NotBlank String body, @Nullable Boolean internal, @Nullable TicketStatus status) {
    }

    record Merge(@NotNull @Positive Long intoTicketId) {
    }

    record Escalate(@NotNull @Positive Long teamId, @NotBlank @Size(max = 2000) String reason) {
    }
}
