package org.atende.tickets;

import java.time.Instant;

/**
 * Staff added a file to an agent's public message after it was written: the customer's channel delivers it
 * on its own (the message itself may have left already). Files sent with the message go with it instead.
 */
public record AgentFileAdded(TicketId ticketId, long messageId, long attachmentId, Instant at) {
}
