package org.atende.sla;

import java.time.Instant;

import org.atende.tickets.TicketId;

/**
 * A clock went past its target while it was running. {@code at} is when that happened: the clock's due
 * time on its business calendar ({@code dueAt}, the last instant at which the target was still met),
 * never when the desk noticed; {@code noticedAt} is when the sweep saw it, or when a late stop or a new
 * target showed it. Published once per clock.
 */
public record SlaBreached(TicketId ticketId, ClockKind kind, Instant dueAt, Instant at, Instant noticedAt) {
}
