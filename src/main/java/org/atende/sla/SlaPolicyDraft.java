package org.atende.sla;

import java.util.Map;
import java.util.Set;

import org.atende.tickets.Priority;
import org.atende.tickets.TicketStatus;
import org.jspecify.annotations.Nullable;

/**
 * A policy as an admin writes it, before validation: any field may be missing or wrong, and
 * {@link SlaPolicies} answers with every problem. Left out, {@code warningPercent} is 75 and
 * {@code pausingStatuses} is {@code [WAITING_ON_CUSTOMER]}.
 */
public record SlaPolicyDraft(@Nullable String name, @Nullable Integer warningPercent,
        @Nullable Set<TicketStatus> pausingStatuses, @Nullable Long calendarId,
        @Nullable Map<Priority, Targets> targets) {

    /** The two targets of one priority. */
    public record Targets(@Nullable Target firstResponse, @Nullable Target resolution) {
    }

    /** One target: a positive amount of business {@code HOURS} or {@code DAYS}. */
    public record Target(@Nullable Integer amount, @Nullable TargetUnit unit) {
    }
}
