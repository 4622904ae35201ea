package org.atende.tickets;

import java.util.Set;

import org.atende.identity.TeamId;
import org.atende.identity.UserId;
import org.jspecify.annotations.Nullable;

/**
 * What an agent changes on a ticket; a null field is left as it is. {@code unassign} clears the
 * assignee; {@code tags}, when given, replaces the tags.
 */
public record TicketChanges(@Nullable Priority priority, @Nullable TicketType type, @Nullable String category,
        @Nullable TicketStatus status, @Nullable UserId assigneeId, boolean unassign, @Nullable TeamId teamId,
        @Nullable Set<String> tags) {

    public static TicketChanges status(TicketStatus status) {
        return new TicketChanges(null, null, null, status, null, false, null, null);
    }

    public static TicketChanges priority(Priority priority) {
        return new TicketChanges(priority, null, null, null, null, false, null, null);
    }
}
