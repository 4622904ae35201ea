package org.atende.channels.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Acknowledges a ticket opened by e-mail, in the contact's language: its number, the first-response
 * target and when it falls, and when the desk is closed, when it opens next. A sender gets at most
 * {@code atende.email.acknowledgements-per-hour}; past that the ticket says why none was sent. Up to
 * {@value #SUGGESTIONS} published help articles matching the subject and the message, in the contact's
 * language, follow with their links, so the answer may be found before an agent writes.
 */
@Component
class Acknowledgements {

    static final int SUGGESTIONS = 3;

    private final Outbox outbox;
    private final MailComposer composer;
    private final Promises promises;
    private final Tickets tickets;
    private final EmailProperties properties;
    private final Clock clock;
    private final KnowledgeBase knowledge;
    private final String baseUrl;

    Acknowledgements(Outbox outbox, MailComposer composer, Promises promises, Tickets tickets, EmailProperties properties,
            Clock clock, KnowledgeBase knowledge, @Value("${atende.web.base-url:http://localhost:8080}") String baseUrl) {
        this.knowledge = knowledge;
        this.baseUrl = baseUrl;
        this.outbox = outbox;
        this.composer = composer;
        this.promises = promises;
        this.tickets = tickets;
        this.properties = properties;
        this.clock = clock;
    }

    /** Acknowledges a ticket just opened whose first message is {@code firstMessage}. */
    void acknowledge(TicketView ticket, ContactSummary contact, String firstMessage) {
        Instant now = clock.instant();
        int sent = outbox.countSince(Channel.EMAIL, contact.email(), Outgoing.Purpose.ACKNOWLEDGEMENT, now.minus(Duration.ofHours(1)));
        if (sent >= properties.acknowledgementsPerHour()) {
            tickets.recordOnTimeline(ticket.id(), TimelineEntry.bySystem(now, "ACKNOWLEDGEMENT_SKIPPED",
                    contact.email() + " had " + sent + " acknowledgements in the last hour"));
            return;
        }
        FirstResponsePromise promise = promises.firstResponse(ticket, now);
        Language language = contact.language();
        String body = MailTexts.acknowledgement(language, contact.name(), ticket.number(), promise.target(), promise.dueAt(),
                promise.opensAt(), contact.timeZone(), promise.zone());
        List<Suggestion> articles = knowledge.suggest(ticket.subject() + "\n" + firstMessage, language, SUGGESTIONS);
        if (!articles.isEmpty()) {
            body += "\n" + MailTexts.helpArticles(language, articles, baseUrl);
        }
        outbox.enqueue(composer.aboutTicket(Outgoing.Purpose.ACKNOWLEDGEMENT, ticket.id(), ticket.number(), null,
                contact.email(), MailTexts.acknowledgementSubject(language, ticket.subject()), body, language, true));
    }
}
