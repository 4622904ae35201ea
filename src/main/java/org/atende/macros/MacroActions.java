package org.atende.macros;

import java.util.Set;
import java.util.TreeSet;

import org.atende.tickets.Priority;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketType;
import org.jspecify.annotations.Nullable;

/**
 * What applying a macro changes on the ticket; a null (or empty) field leaves it as it is. Tags are added and
 * removed (never replaced); {@code assignToSelf} assigns the ticket to whoever applies the macro, instead of
 * the fixed {@code assigneeId}.
 */
public record MacroActions(@Nullable TicketStatus status, @Nullable Priority priority, @Nullable TicketType type,
        Set<String> addTags, Set<String> removeTags, @Nullable Long teamId, @Nullable Long assigneeId, boolean assignToSelf) {

    public static final MacroActions NONE = new MacroActions(null, null, null, Set.of(), Set.of(), null, null, false);

    public MacroActions {
        addTags = addTags == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(addTags));
        removeTags = removeTags == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(removeTags));
    }

    public boolean noChange() {
        return status == null && priority == null && type == null && addTags.isEmpty() && removeTags.isEmpty()
                && teamId == null && assigneeId == null && !assignToSelf;
    }
}
