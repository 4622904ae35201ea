package org.atende.tickets;

import java.time.Instant;

import org.atende.identity.UserId;
import org.jspecify.annotations.Nullable;

/**
 * One line of a ticket's audit trail: who ({@code actorUserId}, or none for the system), what
 * ({@code kind}, and for a change the {@code field} with its values before and after), and when.
 */
public record TimelineEntry(Instant at, @Nullable UserId actorUserId, String actor, String kind,
        @Nullable String field, @Nullable String before, @Nullable String after, @Nullable String detail) {

    public static final String SYSTEM = "system";

    /** An entry written by the desk itself, e.g. {@code SLA_WARNING} with a detail. */
    public static TimelineEntry bySystem(Instant at, String kind, @Nullable String detail) {
        return new TimelineEntry(at, null, SYSTEM, kind, null, null, null, detail);
    }
}
