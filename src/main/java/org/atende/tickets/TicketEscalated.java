package org.atende.tickets;

import java.time.Instant;

import org.atende.identity.TeamId;

/** A ticket was handed to another team; its clocks keep running. */
public record TicketEscalated(TicketId ticketId, TeamId toTeam, String reason, Instant at) {
}
