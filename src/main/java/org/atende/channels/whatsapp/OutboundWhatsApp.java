package org.atende.channels.whatsapp;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.atende.customers.ContactSummary;
import org.atende.customers.Customers;
import org.atende.notifications.Outgoing;
import org.atende.satisfaction.SatisfactionRequested;
import org.atende.tickets.AgentFileAdded;
import org.atende.tickets.Attachments;
import org.atende.tickets.Channel;
import org.atende.tickets.MessageKind;
import org.atende.tickets.TicketId;
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
    private final Attachments attachments;
    private final Clock clock;

    OutboundWhatsApp(Tickets tickets, Customers customers, WhatsAppOutbox outbox, Conversations conversations,
            WhatsAppProperties properties, Attachments attachments, Clock clock) {
        this.attachments = attachments;
        this.clock = clock;
        this.tickets = tickets;
        this.customers = customers;
        this.outbox = outbox;
        this.conversations = conversations;
        this.properties = properties;
    }

    /** The answer's text, then each of its files as a media message (caption: none; a document keeps its name). */
    @EventListener
    void on(MessageAdded e) {
        if (!properties.enabled()) {
            return;
        }
        tickets.answerOn(Channel.WHATSAPP, e).ifPresent(answer -> customers.contact(answer.requester()).ifPresent(contact -> {
            Optional<String> address = address(answer.ticket().id(), contact, e.at());
            if (address.isEmpty()) {
                return;
            }
            var number = conversations.answeringNumber(answer.ticket().id());
            SendingLabel label = new SendingLabel(contact.language(), number.phoneNumberId());
            List<Outgoing> going = new ArrayList<>(WhatsAppOutbox.parts(
                    answer.automatic() ? Outgoing.Purpose.NOTICE : Outgoing.Purpose.REPLY, answer.ticket().id(),
                    answer.message().id(), address.get(), label,
                    WhatsAppTexts.aboutTicket(contact.language(), answer.ticket().number(), answer.message().body()), null,
                    answer.automatic()));
            attachments.ofMessage(answer.message().id()).forEach(file -> going.add(media(answer.ticket().id(),
                    answer.message().id(), address.get(), label, file.id())));
            outbox.queueInOrder(going);
        }));
    }

    /** A file added to an answer afterwards goes as a media message of its own. */
    @EventListener
    void on(AgentFileAdded e) {
        if (!properties.enabled()) {
            return;
        }
        MessageAdded added = new MessageAdded(e.ticketId(), e.messageId(), MessageKind.AGENT, Channel.WHATSAPP, e.at());
        tickets.answerOn(Channel.WHATSAPP, added).ifPresent(answer -> customers.contact(answer.requester()).ifPresent(contact ->
                address(answer.ticket().id(), contact, e.at()).ifPresent(to -> outbox.queueInOrder(List.of(media(answer.ticket().id(),
                        e.messageId(), to, new SendingLabel(contact.language(),
                                conversations.answeringNumber(answer.ticket().id()).phoneNumberId()), e.attachmentId()))))));
    }

    /** Asks whether the answer helped: reply buttons, or the survey template outside the 24-hour window. */
    @EventListener
    void on(SatisfactionRequested e) {
        if (e.askBy() != Channel.WHATSAPP || !properties.enabled()) {
            return;
        }
        customers.contact(e.contactId()).ifPresent(contact -> address(e.ticketId(), contact, clock.instant()).ifPresent(to -> {
            var number = conversations.answeringNumber(e.ticketId());
            outbox.queueInOrder(List.of(new Outgoing(Channel.WHATSAPP, Outgoing.Purpose.SURVEY, e.ticketId(), null, to,
                    new SendingLabel(e.language(), number.phoneNumberId(), e.token()).subject(),
                    SurveyButtons.question(e.language(), e.ticketNumber()), WhatsAppOutbox.externalId(), null, List.of(), true)));
        }));
    }

    private static Outgoing media(TicketId ticket, long messageId, String to, SendingLabel label, long attachment) {
        return new Outgoing(Channel.WHATSAPP, Outgoing.Purpose.REPLY, ticket, messageId, to, label.subject(), "",
                WhatsAppOutbox.externalId(), null, List.of(), false, List.of(attachment));
    }

    private Optional<String> address(TicketId ticket, ContactSummary contact, Instant at) {
        Optional<String> address = WhatsAppAddress.of(contact);
        if (address.isEmpty()) {
            // staff removed the number since: the agent must know the answer did not go
            tickets.recordOnTimeline(ticket, TimelineEntry.bySystem(at, "DELIVERY_FAILED",
                    "not sent by WHATSAPP: " + contact.name() + " has no phone number or WhatsApp user id"));
        }
        return address;
    }
}
