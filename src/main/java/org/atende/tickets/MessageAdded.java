package org.atende.tickets;

import java.time.Instant;

/**
 * A message was added to a ticket, of any kind: channels and notifications follow the public ones
 * (an agent's reply, an automatic notice) to deliver them where the customer wrote from.
 */
public record MessageAdded(TicketId ticketId, long messageId, MessageKind kind, Channel channel, Instant at) {
}
