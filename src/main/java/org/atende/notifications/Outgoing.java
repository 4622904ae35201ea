package org.atende.notifications;

import java.util.List;

import org.atende.tickets.Channel;
import org.atende.tickets.TicketId;
import org.jspecify.annotations.Nullable;

/**
 * A message to send, as it will leave: the channel, why ({@code purpose}), the ticket and ticket
 * message it carries (both optional: a refusal has no ticket), the recipient's address on the channel,
 * and the channel's threading data. {@code externalId} identifies it on the channel (an e-mail's
 * Message-ID): stable, so a retry is the same message to the recipient. {@code automatic} marks what
 * the desk wrote by itself (acknowledgements, refusals, notices), which must never start a loop.
 */
public record Outgoing(Channel channel, Purpose purpose, @Nullable TicketId ticketId, @Nullable Long ticketMessageId,
        String recipient, @Nullable String subject, String body, String externalId, @Nullable String inReplyTo,
        List<String> references, boolean automatic) {

    public Outgoing {
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** Why a message is sent: to a customer (the first four), or to staff (an SLA or escalation alert, the daily digest). */
    public enum Purpose {
        REPLY, ACKNOWLEDGEMENT, REFUSAL, NOTICE, ALERT, DIGEST
    }
}
