package org.atende.sla;

import java.time.Instant;
import java.util.Set;

import org.atende.tickets.Priority;
import org.jspecify.annotations.Nullable;

/**
 * What a lead asks of the sweep: when a clock that meets the {@code conditions} reaches the
 * {@code threshold}, take the {@code actions}, once per clock.
 */
public record EscalationRule(long id, String name, boolean active, Conditions conditions, Threshold threshold,
        Actions actions, Instant createdAt, Instant updatedAt) {

    /** Which clocks: of a kind, of these priorities (empty: any), of a plan and of an organisation (when set). */
    public record Conditions(ClockKind clockKind, Set<Priority> priorities, @Nullable Long planId,
            @Nullable Long organisationId) {

        public Conditions {
            priorities = priorities == null ? Set.of() : Set.copyOf(priorities);
        }
    }

    /** When: at the clock's warning, at its breach, or once {@code percent} of its target is used ({@code ELAPSED}). */
    public record Threshold(Kind kind, @Nullable Integer percent) {

        public enum Kind {
            WARNING, BREACHED, ELAPSED
        }

        /** How the timeline and messages name it: "warning", "breach", "50 % elapsed". */
        public String label() {
            return switch (kind) {
                case WARNING -> "warning";
                case BREACHED -> "breach";
                case ELAPSED -> percent + " % elapsed";
            };
        }
    }

    /**
     * What: raise the priority ({@code ONE_LEVEL} or a priority it is raised to, never lowered), reassign to a
     * team, notify a user or every member of a team. At least one.
     */
    public record Actions(@Nullable String raisePriority, @Nullable Long reassignTeamId, @Nullable Long notifyUserId,
            @Nullable Long notifyTeamId) {

        public static final String ONE_LEVEL = "ONE_LEVEL";
    }
}
