package org.atende.tickets;

/**
 * What a bulk call does to each ticket, each through the operation a single change uses.
 * <ul>
 * <li>{@link Update}: the fields of {@link TicketChanges} (assignee, team, status, priority, type, tags added
 * and removed), as {@link Tickets#update} applies them;</li>
 * <li>{@link Merge}: each ticket but the target is merged into it, as {@link Tickets#merge};</li>
 * <li>{@link MarkSpam}: each is closed as spam, as {@link Tickets#markSpam};</li>
 * <li>{@link Close}: each is closed; one not yet resolved is resolved first (its clocks stop then, met or
 * late as they stand) and then closed, both moves of the status table, in one transaction.</li>
 * </ul>
 */
public sealed interface BulkChange {

    /** Merge, spam and close cannot be undone from the desk: pages confirm them first. */
    default boolean destructive() {
        return !(this instanceof Update);
    }

    record Update(TicketChanges changes) implements BulkChange {

        public Update {
            if (changes.isEmpty()) {
                throw TicketProblems.invalid("the change changes nothing: give at least one field");
            }
        }
    }

    record Merge(TicketId into) implements BulkChange {
    }

    record MarkSpam() implements BulkChange {
    }

    record Close() implements BulkChange {
    }
}
