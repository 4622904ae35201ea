package org.atende.channels.email;


import org.atende.customers.Customers;
import org.atende.notifications.Outbox;
import org.atende.notifications.Outgoing;
import org.atende.tickets.Channel;
import org.atende.tickets.MessageAdded;
import org.atende.tickets.Tickets;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Answers by e-mail what was asked by e-mail: an agent's public reply, or a notice of the desk, on a
 * ticket that came in on the e-mail channel goes to its requester. Synchronous, in the ticket's
 * transaction: the mail is queued if and only if the message is committed.
 */
@Component
class OutboundMail {

    private final Tickets tickets;
    private final Customers customers;
    private final Outbox outbox;
    private final MailComposer composer;
    private final EmailProperties properties;

    OutboundMail(Tickets tickets, Customers customers, Outbox outbox, MailComposer composer, EmailProperties properties) {
        this.tickets = tickets;
        this.customers = customers;
        this.outbox = outbox;
        this.composer = composer;
        this.properties = properties;
    }

    @EventListener
    void on(MessageAdded e) {
        if (!properties.enabled()) {
            return;
        }
        tickets.answerOn(Channel.EMAIL, e).ifPresent(answer -> customers.contact(answer.requester())
                .filter(contact -> contact.email() != null)
                .ifPresent(contact -> outbox.enqueue(composer.aboutTicket(
                        answer.automatic() ? Outgoing.Purpose.NOTICE : Outgoing.Purpose.REPLY, answer.ticket().id(),
                        answer.ticket().number(), answer.message().id(), contact.email(), "Re: " + answer.ticket().subject(),
                        answer.message().body(), contact.language(), answer.automatic()))));
    }
}
