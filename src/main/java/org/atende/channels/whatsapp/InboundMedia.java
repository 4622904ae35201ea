package org.atende.channels.whatsapp;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.atende.customers.ContactSummary;
import org.atende.tickets.Attachments;
import org.atende.tickets.TicketId;
import org.atende.tickets.Tickets;
import org.atende.tickets.TimelineEntry;
import org.springframework.stereotype.Component;

/**
 * Fetches the file a message points to through the Graph API (with the token of the number it was written
 * to) and keeps it on the ticket's message with its real type and a sensible name. A file that cannot be
 * fetched is noted on the ticket's timeline; the message itself is never lost for it.
 */
@Component
class InboundMedia {

    private final GraphApi graph;
    private final Attachments attachments;
    private final Tickets tickets;
    private final Clock clock;

    InboundMedia(GraphApi graph, Attachments attachments, Tickets tickets, Clock clock) {
        this.graph = graph;
        this.attachments = attachments;
        this.tickets = tickets;
        this.clock = clock;
    }

    void keep(WhatsAppProperties.BusinessNumber number, MessageContent content, Instant sentAt, TicketId ticket, long messageId,
            ContactSummary contact) {
        MessageContent.Media declared = content.media();
        if (declared == null) {
            return;
        }
        try {
            GraphApi.Media media = graph.downloadMedia(number, declared.id());
            String type = MediaTypes.of(declared.mimeType(), media.mimeType(), media.bytes());
            attachments.attachReceived(ticket, messageId, MediaTypes.filename(content, type, sentAt), type, media.bytes(), contact.name())
                    .ifPresent(why -> tickets.recordOnTimeline(ticket, TimelineEntry.bySystem(clock.instant(), "ATTACHMENT_DROPPED", why)));
        } catch (GraphApiException | RuntimeException e) { // the text is kept; the file is noted as missing, the message not lost
            tickets.recordOnTimeline(ticket, TimelineEntry.bySystem(clock.instant(), "ATTACHMENT_DROPPED",
                    "the " + content.kind().name().toLowerCase(Locale.ROOT) + " could not be fetched from WhatsApp: " + e.getMessage()));
        }
    }
}
