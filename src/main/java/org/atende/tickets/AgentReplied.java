package org.atende.tickets;

import java.time.Instant;

import org.atende.identity.UserId;

/** An agent wrote a public reply (automatic messages never count as one). */
public record AgentReplied(TicketId ticketId, UserId agent, Instant at) {
}
