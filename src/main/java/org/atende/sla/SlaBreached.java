package org.atende.sla;

import java.time.Instant;

import org.atende.tickets.TicketId;
import org.jspecify.annotations.Nullable;

/**
 * A clock went past its target while it was running. {@code at} is when that happened: the clock's due
 * time on its business calendar ({@code dueAt}, the last instant at which the target was still met),
 * never when the desk noticed; {@code noticedAt} is when the sweep saw it, or when a late stop or a new
 * target showed it. Published once per clock. {@code remainingSeconds}: the business time left as the clock read at
 * {@code noticedAt} (negative: past due), when the sweep that marked it says so (null otherwise: a listener reads the
 * clock itself).
 */
public record SlaBreached(TicketId ticketId, ClockKind kind, Instant dueAt, Instant at, Instant noticedAt,
        @Nullable Long remainingSeconds) {

    public SlaBreached(TicketId ticketId, ClockKind kind, Instant dueAt, Instant at, Instant noticedAt) {
        this(ticketId, kind, dueAt, at, noticedAt, null);
    }
}
