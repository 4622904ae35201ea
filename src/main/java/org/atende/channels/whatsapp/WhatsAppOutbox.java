package org.atende.channels.whatsapp;

import java.util.List;
import java.util.UUID;

import org.atende.notifications.Outbox;
import org.atende.notifications.Outgoing;
import org.atende.tickets.Channel;
import org.atende.tickets.TicketId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Queues WhatsApp messages on the outbox. A text longer than WhatsApp takes ({@value #MAX_TEXT} characters)
 * becomes several outgoing messages, cut where it reads well ({@link TextParts}), sent strictly one after
 * the other; they all carry the ticket's message, which shows one delivery state for them.
 */
@Component
class WhatsAppOutbox {

    /** The longest text WhatsApp takes in one message. */
    static final int MAX_TEXT = 4096;

    private final Outbox outbox;

    WhatsAppOutbox(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Queues a text to an address from a number, in as many parts as it takes. */
    List<Long> queue(Outgoing.Purpose purpose, @Nullable TicketId ticket, @Nullable Long ticketMessageId, String address,
            SendingLabel label, String text, @Nullable String inReplyTo, boolean automatic) {
        return outbox.enqueueInOrder(parts(purpose, ticket, ticketMessageId, address, label, text, inReplyTo, automatic));
    }

    /** Queues messages (each already within the limit) to go strictly one after the other. */
    List<Long> queueInOrder(List<Outgoing> messages) {
        return messages.isEmpty() ? List.of() : outbox.enqueueInOrder(messages);
    }

    /** The outgoing messages a text becomes. */
    static List<Outgoing> parts(Outgoing.Purpose purpose, @Nullable TicketId ticket, @Nullable Long ticketMessageId, String address,
            SendingLabel label, String text, @Nullable String inReplyTo, boolean automatic) {
        return TextParts.split(text, MAX_TEXT).stream()
                .map(part -> new Outgoing(Channel.WHATSAPP, purpose, ticket, ticketMessageId, address, label.subject(), part,
                        externalId(), inReplyTo, List.of(), automatic))
                .toList();
    }

    /** WhatsApp has no idempotency key of its own: this one names the outbox row, and the wamid comes back. */
    static String externalId() {
        return "wa-" + UUID.randomUUID();
    }
}
