package org.atende.tickets;

import java.time.Instant;

import org.atende.identity.TeamId;
import org.atende.identity.UserId;
import org.jspecify.annotations.Nullable;

/**
 * A ticket's assignee or team changed (either may now be none). Its clocks do not change; reports file
 * the ticket under its new agent and team.
 */
public record TicketAssigned(TicketId ticketId, @Nullable UserId assignee, @Nullable TeamId team, Instant at) {
}
