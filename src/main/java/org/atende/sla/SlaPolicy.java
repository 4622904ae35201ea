package org.atende.sla;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.atende.tickets.Priority;
import org.atende.tickets.TicketStatus;
import org.jspecify.annotations.Nullable;

/**
 * An SLA policy: targets per priority, the share of a target after which the desk warns, the ticket
 * statuses that pause the resolution clock, and the stored calendar it is measured on (null: the
 * desk's support calendar). A plan names one policy; every priority has targets.
 */
public record SlaPolicy(long id, String name, int warningPercent, Set<TicketStatus> pausingStatuses,
        @Nullable Long calendarId, Map<Priority, PriorityTargets> targets) {

    /** What a policy pauses on unless it says otherwise. */
    public static final Set<TicketStatus> DEFAULT_PAUSING = Set.of(TicketStatus.WAITING_ON_CUSTOMER);

    public SlaPolicy {
        pausingStatuses = Collections.unmodifiableSet(pausingStatuses.isEmpty()
                ? EnumSet.noneOf(TicketStatus.class) : EnumSet.copyOf(pausingStatuses));
        if (!targets.keySet().containsAll(EnumSet.allOf(Priority.class))) {
            throw new IllegalArgumentException("policy " + name + " lacks targets for " + EnumSet.complementOf(
                    targets.isEmpty() ? EnumSet.noneOf(Priority.class) : EnumSet.copyOf(targets.keySet())));
        }
        targets = Collections.unmodifiableMap(new EnumMap<>(targets));
    }

    public SlaTarget target(Priority priority, ClockKind kind) {
        return targets.get(priority).of(kind);
    }

    public boolean pausesOn(TicketStatus status) {
        return pausingStatuses.contains(status);
    }
}
