package org.atende.satisfaction;

import java.time.Instant;

import org.atende.tickets.TicketId;
import org.jspecify.annotations.Nullable;

/** A customer rated a resolved ticket's answer (once per survey); a bad rating may be told to the team's lead. */
public record SatisfactionRated(long surveyId, TicketId ticketId, Rating rating, @Nullable String comment, Instant at) {
}
