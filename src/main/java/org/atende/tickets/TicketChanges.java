package org.atende.tickets;

import java.util.Set;

import org.atende.identity.TeamId;
import org.atende.identity.UserId;
import org.jspecify.annotations.Nullable;

/**
 * What an agent changes on a ticket; a null field is left as it is. {@code unassign} clears the
 * assignee; {@code tags}, when given, replaces the tags; {@code addTags} and {@code removeTags} add to and
 * take from the tags the ticket has when the change is applied (after any replacement).
 */
public record TicketChanges(@Nullable Priority priority, @Nullable TicketType type, @Nullable String category,
        @Nullable TicketStatus status, @Nullable UserId assigneeId, boolean unassign, @Nullable TeamId teamId,
        @Nullable Set<String> tags, Set<String> addTags, Set<String> removeTags) {

    public TicketChanges {
        addTags = addTags == null ? Set.of() : Set.copyOf(addTags);
        removeTags = removeTags == null ? Set.of() : Set.copyOf(removeTags);
    }

    public TicketChanges(@Nullable Priority priority, @Nullable TicketType type, @Nullable String category,
            @Nullable TicketStatus status, @Nullable UserId assigneeId, boolean unassign, @Nullable TeamId teamId,
            @Nullable Set<String> tags) {
        this(priority, type, category, status, assigneeId, unassign, teamId, tags, Set.of(), Set.of());
    }

    public static TicketChanges status(TicketStatus status) {
        return new TicketChanges(null, null, null, status, null, false, null, null);
    }

    public static TicketChanges priority(Priority priority) {
        return new TicketChanges(priority, null, null, null, null, false, null, null);
    }

    /** True when it asks for nothing at all. */
    public boolean isEmpty() {
        return priority == null && type == null && category == null && status == null && assigneeId == null && !unassign
                && teamId == null && tags == null && addTags.isEmpty() && removeTags.isEmpty();
    }
}
