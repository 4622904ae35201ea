package org.atende.channels.email;

import java.util.Optional;

import org.atende.customers.ContactSummary;
import org.atende.customers.Customers;
import org.atende.customers.Language;
import org.atende.notifications.Outbox;
import org.atende.notifications.Outgoing;
import org.atende.tickets.Channel;
import org.atende.tickets.MessageAdded;
import org.atende.tickets.MessageKind;
import org.atende.tickets.MessageView;
import org.atende.tickets.TicketView;
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
        if (!properties.enabled() || (e.kind() != MessageKind.AGENT && e.kind() != MessageKind.AUTOMATIC)) {
            return;
        }
        TicketView ticket = tickets.lookup(e.ticketId()).orElseThrow();
        if (ticket.channel() != Channel.EMAIL || ticket.requesterContactId() == null) {
            return;
        }
        Optional<ContactSummary> contact = customers.contact(ticket.requesterContactId());
        if (contact.isEmpty() || contact.get().email() == null) {
            return;
        }
        MessageView message = tickets.lookupMessage(e.messageId()).orElseThrow();
        boolean automatic = e.kind() == MessageKind.AUTOMATIC;
        Language language = contact.get().language();
        outbox.enqueue(composer.aboutTicket(automatic ? Outgoing.Purpose.NOTICE : Outgoing.Purpose.REPLY, ticket.id(),
                ticket.number(), message.id(), contact.get().email(), "Re: " + ticket.subject(), message.body(), language, automatic));
    }
}
