package org.atende.channels.whatsapp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.atende.customers.ContactSummary;
import org.atende.customers.Language;
import org.atende.knowledge.KnowledgeBase;
import org.atende.knowledge.Suggestion;
import org.atende.notifications.Outbox;
import org.atende.notifications.Outgoing;
import org.atende.sla.FirstResponsePromise;
import org.atende.sla.Promises;
import org.atende.tickets.Channel;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.atende.tickets.TimelineEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the desk answers by itself to a WhatsApp message, queued in the transaction of what caused it:
 * the acknowledgement of a new ticket, and a refusal (over quota, an unknown number) whose text the
 * caller gives. A number gets at most {@code atende.whatsapp.acknowledgements-per-hour} of each in an
 * hour, so an automated sender cannot make the desk write without end; past that the ticket says why
 * none was sent. An acknowledgement offers up to {@value #SUGGESTIONS} published help articles that match what
 * the customer wrote, in their language, with their links.
 */
@Component
@Transactional
class WhatsAppReplies {

    static final int SUGGESTIONS = 2;

    private final Outbox outbox;
    private final WhatsAppOutbox whatsapp;
    private final Promises promises;
    private final Tickets tickets;
    private final WhatsAppProperties properties;
    private final Clock clock;
    private final KnowledgeBase knowledge;
    private final String baseUrl;

    WhatsAppReplies(Outbox outbox, WhatsAppOutbox whatsapp, Promises promises, Tickets tickets, WhatsAppProperties properties,
            Clock clock, KnowledgeBase knowledge, @Value("${atende.web.base-url:http://localhost:8080}") String baseUrl) {
        this.whatsapp = whatsapp;
        this.knowledge = knowledge;
        this.baseUrl = baseUrl;
        this.outbox = outbox;
        this.promises = promises;
        this.tickets = tickets;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Acknowledges a ticket the contact opened on WhatsApp, from the desk's number they wrote to, in the
     * contact's language, with its times in the contact's zone (and the desk's beside them when its clocks
     * show another time). Answers whether an acknowledgement was queued (not when the number had its
     * hourly share, or has no address).
     */
    boolean acknowledge(WhatsAppProperties.BusinessNumber number, TicketView ticket, ContactSummary contact) {
        Optional<String> address = WhatsAppAddress.of(contact);
        if (address.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        int sent = sentInTheLastHour(address.get(), Outgoing.Purpose.ACKNOWLEDGEMENT);
        if (sent >= properties.acknowledgementsPerHour()) {
            tickets.recordOnTimeline(ticket.id(), TimelineEntry.bySystem(now, "ACKNOWLEDGEMENT_SKIPPED",
                    address.get() + " had " + sent + " acknowledgements in the last hour"));
            return false;
        }
        FirstResponsePromise promise = promises.firstResponse(ticket, now);
        Language language = contact.language();
        String body = WhatsAppTexts.acknowledgement(language, contact.name(), ticket.number(), promise.target(), promise.dueAt(),
                promise.opensAt(), contact.timeZone(), promise.zone());
        var messages = tickets.messagesOf(ticket.id());
        String asked = ticket.subject() + "\n" + (messages.isEmpty() ? "" : messages.getFirst().body());
        List<Suggestion> articles = knowledge.suggest(asked, language, SUGGESTIONS);
        if (!articles.isEmpty()) {
            body += "\n\n" + WhatsAppTexts.helpArticles(language, articles, baseUrl);
        }
        whatsapp.queue(Outgoing.Purpose.ACKNOWLEDGEMENT, ticket.id(), null, address.get(),
                new SendingLabel(language, number.phoneNumberId()), body, null, true);
        return true;
    }

    /** A refusal to a number (or user id) that opened no ticket, from the desk's number it wrote to; the caller writes the text. */
    boolean refuse(WhatsAppProperties.BusinessNumber number, String waId, String text) {
        return refuse(number, waId, text, null);
    }

    /**
     * A refusal quoting the message it answers ({@code inReplyTo}, its wamid). It is sent as free text:
     * it answers a message that just came, so the 24-hour window is open. Answers whether it was queued.
     */
    boolean refuse(WhatsAppProperties.BusinessNumber number, String waId, String text, @Nullable String inReplyTo) {
        if (sentInTheLastHour(waId, Outgoing.Purpose.REFUSAL) >= properties.acknowledgementsPerHour()) {
            return false;
        }
        whatsapp.queue(Outgoing.Purpose.REFUSAL, null, null, waId, new SendingLabel(org.atende.customers.Language.PT,
                number.phoneNumberId()), text.strip(), inReplyTo, true);
        return true;
    }

    private int sentInTheLastHour(String address, Outgoing.Purpose purpose) {
        return outbox.countSince(Channel.WHATSAPP, address, purpose, clock.instant().minus(Duration.ofHours(1)));
    }
}
