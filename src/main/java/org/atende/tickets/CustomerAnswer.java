package org.atende.tickets;

import org.atende.customers.ContactId;

/**
 * A message the customer is to receive on the channel they wrote on: an agent's public reply or a notice
 * of the desk ({@code automatic}), on a ticket with a requester. Channels deliver these and nothing else.
 */
public record CustomerAnswer(TicketView ticket, MessageView message, ContactId requester, boolean automatic) {
}
