package org.atende.channels.whatsapp;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.atende.customers.Language;
import org.atende.notifications.Outgoing;
import org.atende.notifications.OutgoingView;
import org.atende.notifications.Transport;
import org.atende.notifications.TransportException;
import org.atende.tickets.Channel;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.atende.tickets.TimelineEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's WhatsApp messages through the Graph API. Inside the customer-service window the
 * text goes as it is; outside it WhatsApp takes only an approved template, so the contact's template
 * goes instead, naming the ticket: it says there is an answer and asks for a reply, which opens the
 * window again. The ticket's timeline says when a template went in place of the text. The wamid
 * WhatsApp returns is kept with the message, so its statuses (delivered, read, failed) find it.
 *
 * <p>The recipient's language travels with the message, written when it was queued as
 * {@code lang=pt} in the outgoing message's subject (WhatsApp has no subject), so the template matches
 * the language the contact had then, also for messages without a ticket.
 */
@Component
class WhatsAppTransport implements Transport {

    /** The longest text WhatsApp takes in one message. */
    static final int MAX_TEXT = 4096;

    private final GraphApi graph;
    private final ServiceWindow window;
    private final HeldAnswers held;
    private final Tickets tickets;
    private final WhatsAppProperties properties;
    private final Clock clock;
    private final WhatsAppHealth health;

    WhatsAppTransport(GraphApi graph, ServiceWindow window, HeldAnswers held, Tickets tickets, WhatsAppProperties properties,
            Clock clock, WhatsAppHealth health) {
        this.health = health;
        this.graph = graph;
        this.held = held;
        this.window = window;
        this.tickets = tickets;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.WHATSAPP;
    }

    @Override
    public String send(OutgoingView outgoing) throws TransportException {
        if (!properties.enabled()) {
            throw new TransportException("WhatsApp is not configured (atende.whatsapp.phone-number-id, access-token, app-secret)",
                    false, null);
        }
        Outgoing m = outgoing.message();
        try {
            if (window.isOpen(m.recipient())) {
                if (m.body().length() > MAX_TEXT) {
                    throw new TransportException("the text has " + m.body().length() + " characters, more than WhatsApp's "
                            + MAX_TEXT, true, null);
                }
                return graph.sendText(m.recipient(), m.body(), m.inReplyTo());
            }
            return sendTemplate(m);
        } catch (GraphApiException e) {
            health.graphFailed(e.getMessage());
            throw new TransportException(e.getMessage(), e.permanent(), e);
        }
    }

    private String sendTemplate(Outgoing m) throws GraphApiException, TransportException {
        TicketView ticket = m.ticketId() == null ? null : tickets.lookup(m.ticketId()).orElse(null);
        if (ticket == null) {
            throw new TransportException("more than 24 hours since " + m.recipient() + " last wrote, and no ticket to name in a template",
                    true, null);
        }
        WhatsAppProperties.Template template = properties.template(language(m.subject()));
        String wamid = graph.sendTemplate(m.recipient(), template, List.of("#" + ticket.number()));
        held.hold(m); // its text goes when the customer replies
        tickets.recordOnTimeline(ticket.id(), TimelineEntry.bySystem(clock.instant(), "WHATSAPP_TEMPLATE",
                "sent as template " + template.name() + " (" + template.language() + ") to " + m.recipient()
                        + " (outside the 24-hour window): the customer is told there is an answer and asked to reply; "
                        + "the text follows their reply"));
        return wamid;
    }

    /** The subject as the outbound side writes it: {@code lang=pt}. */
    static String subject(Language language) {
        return "lang=" + language.name().toLowerCase(Locale.ROOT);
    }

    static Language language(@Nullable String subject) {
        if (subject != null && subject.startsWith("lang=")) {
            try {
                return Language.valueOf(subject.substring(5).strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // an unknown language: the desk's own
            }
        }
        return Language.PT;
    }
}
