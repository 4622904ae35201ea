package org.atende.sla;

import java.time.Instant;

import org.atende.identity.TeamId;
import org.atende.identity.UserId;
import org.atende.tickets.TicketId;
import org.jspecify.annotations.Nullable;

/**
 * An escalation rule fired for a ticket's clock, once per rule and clock, in the transaction that took its
 * actions. {@code summary} is what the timeline says ("Escalation rule 'X': priority raised to High");
 * {@code notifyUser} and {@code notifyTeam} are whom the rule asks to tell (either may be null).
 */
public record EscalationRuleFired(long ruleId, String ruleName, TicketId ticketId, ClockKind kind, String threshold,
        String summary, @Nullable UserId notifyUser, @Nullable TeamId notifyTeam, Instant at) {
}
