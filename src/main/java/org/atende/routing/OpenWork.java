package org.atende.routing;

import java.util.Map;
import java.util.Set;

import org.atende.tickets.Priority;
import org.atende.tickets.TicketStatus;

/**
 * What "least open work" weighs: an agent's tickets that are new, open or on hold (waiting on the customer, resolved
 * and closed do not count), each by its priority: low 1, medium 2, high 4, urgent 8 (each step halves the response
 * target, so it doubles the weight).
 */
public final class OpenWork {

    public static final Set<TicketStatus> STATUSES = Set.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.ON_HOLD);

    public static final Map<Priority, Integer> WEIGHTS = Map.of(Priority.LOW, 1, Priority.MEDIUM, 2, Priority.HIGH, 4,
            Priority.URGENT, 8);

    private OpenWork() {
    }

    /** The weighted open work of tickets counted by priority. */
    public static int weigh(Map<Priority, Integer> counts) {
        return counts.entrySet().stream().mapToInt(e -> WEIGHTS.get(e.getKey()) * e.getValue()).sum();
    }
}
