package org.atende.tickets;

import java.time.Instant;

import org.atende.identity.TeamId;
import org.atende.identity.UserId;
import org.jspecify.annotations.Nullable;

/** One escalation of a ticket. */
public record EscalationView(@Nullable TeamId fromTeam, TeamId toTeam, String reason, @Nullable UserId byUser, Instant at) {
}
