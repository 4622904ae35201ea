package org.atende.notifications;

import java.util.List;

import org.atende.tickets.Channel;
import org.atende.tickets.TicketId;
import org.jspecify.annotations.Nullable;

/**
 * A message to send, as it will leave: the channel, why ({@code purpose}), the ticket and ticket
 * message it carries (both optional: a refusal has no ticket), the recipient's address on the channel,
 * the channel's threading data, and the ticket's files it carries ({@code attachments}: attachment ids; an e-mail
 * attaches them all, a WhatsApp message is one file with the body as its caption). {@code externalId} identifies it on the channel (an e-mail's
 * Message-ID): stable, so a retry is the same message to the recipient. {@code automatic} marks what
 * the desk wrote by itself (acknowledgements, refusals, notices), which must never start a loop.
 */
public record Outgoing(Channel channel, Purpose purpose, @Nullable TicketId ticketId, @Nullable Long ticketMessageId,
        String recipient, @Nullable String subject, String body, String externalId, @Nullable String inReplyTo,
        List<String> references, boolean automatic, List<Long> attachments) {

    public Outgoing {
        references = references == null ? List.of() : List.copyOf(references);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A message without files. */
    public Outgoing(Channel channel, Purpose purpose, @Nullable TicketId ticketId, @Nullable Long ticketMessageId,
            String recipient, @Nullable String subject, String body, String externalId, @Nullable String inReplyTo,
            List<String> references, boolean automatic) {
        this(channel, purpose, ticketId, ticketMessageId, recipient, subject, body, externalId, inReplyTo, references, automatic,
                List.of());
    }

    /** The same message carrying these files. */
    public Outgoing withAttachments(List<Long> ids) {
        return new Outgoing(channel, purpose, ticketId, ticketMessageId, recipient, subject, body, externalId, inReplyTo,
                references, automatic, ids);
    }

    /** Why a message is sent: to a customer (the first four, and a satisfaction survey), or to staff (an SLA or escalation alert, the daily digest). */
    public enum Purpose {
        REPLY, ACKNOWLEDGEMENT, REFUSAL, NOTICE, ALERT, DIGEST, SURVEY
    }
}
