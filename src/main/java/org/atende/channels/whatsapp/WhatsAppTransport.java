package org.atende.channels.whatsapp;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.atende.notifications.Outgoing;
import org.atende.notifications.OutgoingView;
import org.atende.notifications.Transport;
import org.atende.notifications.TransportException;
import org.atende.tickets.AttachmentContent;
import org.atende.tickets.Attachments;
import org.atende.tickets.Channel;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.atende.tickets.TimelineEntry;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's WhatsApp messages through the Graph API, from the desk's number the customer wrote to
 * (carried in the message's {@link SendingLabel}). Inside that number's customer-service window the text
 * goes as it is; outside it WhatsApp takes only an approved template, so the number's template for the
 * contact's language goes instead, naming the ticket: it says there is an answer and asks for a reply, which
 * opens the window again. The later parts of the same answer are held with it under that one template. The
 * ticket's timeline says when a template went in place of the text. The wamid WhatsApp returns is kept
 * with the message, so its statuses (delivered, read, failed) find it.
 */
@Component
class WhatsAppTransport implements Transport {

    private final GraphApi graph;
    private final ServiceWindow window;
    private final HeldAnswers held;
    private final Tickets tickets;
    private final WhatsAppProperties properties;
    private final Clock clock;
    private final WhatsAppHealth health;
    private final Attachments attachments;
    private final SurveyTemplates surveyTemplates;

    WhatsAppTransport(GraphApi graph, ServiceWindow window, HeldAnswers held, Tickets tickets, WhatsAppProperties properties,
            Clock clock, WhatsAppHealth health, Attachments attachments, SurveyTemplates surveyTemplates) {
        this.attachments = attachments;
        this.surveyTemplates = surveyTemplates;
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

    static final String NOT_CONFIGURED = "WhatsApp not configured (atende.whatsapp.phone-number-id, access-token, app-secret)";

    @Override
    public @org.jspecify.annotations.Nullable String notConfigured() {
        return properties.enabled() ? null : NOT_CONFIGURED;
    }

    @Override
    public String send(OutgoingView outgoing) throws TransportException {
        if (!properties.enabled()) {
            throw TransportException.channelDown(NOT_CONFIGURED, null);
        }
        Outgoing m = outgoing.message();
        SendingLabel label = SendingLabel.of(m.subject());
        WhatsAppProperties.BusinessNumber from = properties.numberOrFirst(label.number());
        try {
            if (m.purpose() == Outgoing.Purpose.SURVEY && label.survey() != null) {
                return survey(from, label, m);
            }
            if (window.isOpen(from, m.recipient())) {
                if (!m.attachments().isEmpty()) {
                    return sendFile(from, m);
                }
                if (m.body().length() > WhatsAppOutbox.MAX_TEXT) { // queued before texts were split
                    throw new TransportException("the text has " + m.body().length() + " characters, more than WhatsApp's "
                            + WhatsAppOutbox.MAX_TEXT, true, null);
                }
                return graph.sendText(from, m.recipient(), m.body(), m.inReplyTo());
            }
            return sendTemplate(from, label, m);
        } catch (GraphApiException e) {
            health.graphFailed(e.getMessage());
            if (e.status() == 0 && !e.permanent()) { // no answer at all: WhatsApp is unreachable, not this message refused
                throw TransportException.channelDown(e.getMessage(), e);
            }
            throw new TransportException(e.getMessage(), e.permanent(), e);
        }
    }

    /**
     * A file of the answer: uploaded to WhatsApp for this number, then sent as a media message naming it. A file
     * removed since is skipped (nothing to send) rather than retried.
     */
    private String sendFile(WhatsAppProperties.BusinessNumber from, Outgoing m) throws GraphApiException, TransportException {
        AttachmentContent file = attachments.stored(m.attachments().getFirst())
                .orElseThrow(() -> new TransportException("the file " + m.attachments().getFirst() + " no longer exists", true, null));
        String type = file.attachment().contentType().split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        String kind = mediaKind(type, file.content().length);
        String media = graph.uploadMedia(from, file.content(), type, file.attachment().filename());
        return graph.sendMedia(from, m.recipient(), kind, media, m.body().isBlank() ? null : m.body(), file.attachment().filename());
    }

    /** How WhatsApp takes a file: JPEG and PNG images up to 5 MB, audio and MP4/3GP video up to 16 MB, else a document. */
    static String mediaKind(String type, long size) {
        if ((type.equals("image/jpeg") || type.equals("image/png")) && size <= 5L * 1024 * 1024) {
            return "image";
        }
        if (size <= 16L * 1024 * 1024 && (type.equals("audio/aac") || type.equals("audio/mp4") || type.equals("audio/mpeg")
                || type.equals("audio/amr") || type.equals("audio/ogg"))) {
            return "audio";
        }
        if (size <= 16L * 1024 * 1024 && (type.equals("video/mp4") || type.equals("video/3gpp"))) {
            return "video";
        }
        return "document";
    }

    /** The satisfaction question: reply buttons inside the window, the survey template (same buttons) outside it. */
    private String survey(WhatsAppProperties.BusinessNumber from, SendingLabel label, Outgoing m) throws GraphApiException {
        if (window.isOpen(from, m.recipient())) {
            return graph.sendButtons(from, m.recipient(), m.body(), SurveyButtons.buttons(label.language(), label.survey()));
        }
        TicketView ticket = m.ticketId() == null ? null : tickets.lookup(m.ticketId()).orElse(null);
        WhatsAppProperties.Template template = surveyTemplates.of(label.language());
        String wamid = graph.sendTemplateWithButtons(from, m.recipient(), template,
                List.of(ticket == null ? "" : "#" + ticket.number()), SurveyButtons.payloads(label.survey()));
        if (ticket != null) {
            tickets.recordOnTimeline(ticket.id(), TimelineEntry.bySystem(clock.instant(), "WHATSAPP_TEMPLATE",
                    "satisfaction question sent as template " + template.name() + " (" + template.language() + ") to "
                            + m.recipient() + " (outside the 24-hour window)"));
        }
        return wamid;
    }

    private String sendTemplate(WhatsAppProperties.BusinessNumber from, SendingLabel label, Outgoing m)
            throws GraphApiException, TransportException {
        TicketView ticket = m.ticketId() == null ? null : tickets.lookup(m.ticketId()).orElse(null);
        if (ticket == null) {
            throw new TransportException("more than 24 hours since " + m.recipient() + " last wrote, and no ticket to name in a template",
                    true, null);
        }
        Optional<String> announced = m.ticketMessageId() == null ? Optional.empty() : held.templateFor(m.ticketMessageId());
        if (announced.isPresent()) { // an earlier part of this answer went as the template: this part waits with it
            held.hold(m, announced.get());
            return announced.get();
        }
        WhatsAppProperties.Template template = properties.template(from, label.language());
        String wamid = graph.sendTemplate(from, m.recipient(), template, List.of("#" + ticket.number()));
        held.hold(m, wamid); // its text goes when the customer replies
        tickets.recordOnTimeline(ticket.id(), TimelineEntry.bySystem(clock.instant(), "WHATSAPP_TEMPLATE",
                "sent as template " + template.name() + " (" + template.language() + ") from " + from.phoneNumberId() + " to "
                        + m.recipient() + " (outside the 24-hour window): the customer is told there is an answer and asked to "
                        + "reply; the text follows their reply"));
        return wamid;
    }
}
