package org.atende.channels.whatsapp;

import java.util.Optional;

import org.atende.customers.Customers;
import org.atende.notifications.Outgoing;
import org.atende.tickets.Channel;
import org.atende.tickets.MessageAdded;
import org.atende.tickets.Tickets;
import org.atende.tickets.TimelineEntry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Answers on WhatsApp what was asked on WhatsApp: an agent's public reply, or a notice of the desk, on a
 * ticket that came in on WhatsApp goes to its requester's number (or user id), from the desk's number the
 * customer wrote to. Synchronous, in the ticket's transaction: the message is queued if and only if the
 * ticket's message is committed.
 */
@Component
class OutboundWhatsApp {

    private final Tickets tickets;
    private final Customers customers;
    private final WhatsAppOutbox outbox;
    private final Conversations conversations;
    private final WhatsAppProperties properties;

    OutboundWhatsApp(Tickets tickets, Customers customers, WhatsAppOutbox outbox, Conversations conversations,
            WhatsAppProperties properties) {
        this.tickets = tickets;
        this.customers = customers;
        this.outbox = outbox;
        this.conversations = conversations;
        this.properties = properties;
    }

    @EventListener
    void on(MessageAdded e) {
        if (!properties.enabled()) {
            return;
        }
        tickets.answerOn(Channel.WHATSAPP, e).ifPresent(answer -> customers.contact(answer.requester()).ifPresent(contact -> {
            Optional<String> address = WhatsAppAddress.of(contact);
            if (address.isEmpty()) {
                // staff removed the number since: the agent must know the answer did not go
                tickets.recordOnTimeline(answer.ticket().id(), TimelineEntry.bySystem(e.at(), "DELIVERY_FAILED",
                        "not sent by WHATSAPP: " + contact.name() + " has no phone number or WhatsApp user id"));
                return;
            }
            var number = conversations.answeringNumber(answer.ticket().id());
            outbox.queue(answer.automatic() ? Outgoing.Purpose.NOTICE : Outgoing.Purpose.REPLY, answer.ticket().id(),
                    answer.message().id(), address.get(), new SendingLabel(contact.language(), number.phoneNumberId()),
                    WhatsAppTexts.aboutTicket(contact.language(), answer.ticket().number(), answer.message().body()), null,
                    answer.automatic());
        }));
    }
}
