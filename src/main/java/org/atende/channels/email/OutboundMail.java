package org.atende.channels.email;


import java.util.List;

import org.atende.customers.Customers;
import org.atende.customers.Language;
import org.atende.notifications.Outbox;
import org.atende.notifications.Outgoing;
import org.atende.tickets.AgentFileAdded;
import org.atende.tickets.AttachmentView;
import org.atende.tickets.Attachments;
import org.atende.tickets.Channel;
import org.atende.tickets.MessageKind;
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
    private final Attachments attachments;

    OutboundMail(Tickets tickets, Customers customers, Outbox outbox, MailComposer composer, EmailProperties properties,
            Attachments attachments) {
        this.attachments = attachments;
        this.tickets = tickets;
        this.customers = customers;
        this.outbox = outbox;
        this.composer = composer;
        this.properties = properties;
    }

    /** The answer carries the files written with it (kept before the message was announced). */
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
                        answer.message().body(), contact.language(), answer.automatic())
                        .withAttachments(attachments.ofMessage(answer.message().id()).stream().map(AttachmentView::id).toList()))));
    }

    /** A file added to an answer afterwards follows it in a mail of its own, in the ticket's thread. */
    @EventListener
    void on(AgentFileAdded e) {
        if (!properties.enabled()) {
            return;
        }
        MessageAdded added = new MessageAdded(e.ticketId(), e.messageId(), MessageKind.AGENT, Channel.EMAIL, e.at());
        tickets.answerOn(Channel.EMAIL, added).ifPresent(answer -> customers.contact(answer.requester())
                .filter(contact -> contact.email() != null)
                .ifPresent(contact -> outbox.enqueue(composer.aboutTicket(Outgoing.Purpose.REPLY, answer.ticket().id(),
                        answer.ticket().number(), null, contact.email(), "Re: " + answer.ticket().subject(),
                        fileAdded(contact.language()), contact.language(), false).withAttachments(List.of(e.attachmentId())))));
    }

    private static String fileAdded(Language language) {
        return switch (language) {
            case ES -> "Adjuntamos un archivo más a nuestra respuesta.";
            case PT -> "Juntamos mais um ficheiro à nossa resposta.";
            case EN -> "One more file for our answer is attached.";
        };
    }
}
