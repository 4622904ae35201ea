package org.atende.channels.whatsapp;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.atende.customers.ContactSummary;
import org.atende.tickets.Channel;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which of the desk's numbers a WhatsApp ticket belongs to: the one its customer writes to. A contact who
 * writes to two brands' numbers has a ticket with each; a message joins the ticket of the number it was
 * written to, and the answers go out from that number (whose 24-hour window the customer opened).
 */
@Component
class Conversations {

    private final JdbcClient jdbc;
    private final Tickets tickets;
    private final WhatsAppProperties properties;

    Conversations(JdbcClient jdbc, Tickets tickets, WhatsAppProperties properties) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.properties = properties;
    }

    /**
     * The ticket a contact's message to this number joins: the latest they wrote on through it that is not
     * closed, if open or resolved after {@code resolvedSince}; else a WhatsApp ticket staff opened for them
     * that no number has yet.
     */
    Optional<TicketView> continuing(ContactSummary contact, WhatsAppProperties.BusinessNumber number, Instant resolvedSince) {
        List<Long> recent = jdbc.sql("""
                        SELECT ticket_id FROM whatsapp_message WHERE contact_id = ? AND phone_number_id = ? AND ticket_id IS NOT NULL
                        GROUP BY ticket_id ORDER BY MAX(id) DESC LIMIT 5""")
                .params(contact.id().value(), number.phoneNumberId()).query(Long.class).list();
        for (long id : recent) {
            Optional<TicketView> t = tickets.lookup(new TicketId(id)).filter(v -> open(v, resolvedSince));
            if (t.isPresent()) {
                return t;
            }
        }
        return tickets.continuing(contact.id(), Channel.WHATSAPP, resolvedSince).filter(t -> numberOf(t.id()).isEmpty());
    }

    /** The number the ticket's customer last wrote to, if any of the desk's messages came that way. */
    Optional<String> numberOf(TicketId ticket) {
        return jdbc.sql("SELECT phone_number_id FROM whatsapp_message WHERE ticket_id = ? ORDER BY id DESC LIMIT 1")
                .param(ticket.value()).query(String.class).optional();
    }

    /** The number answers on a ticket go out from: its own while the desk serves it, else the first. */
    WhatsAppProperties.BusinessNumber answeringNumber(TicketId ticket) {
        return properties.numberOrFirst(numberOf(ticket).orElse(null));
    }

    private static boolean open(TicketView t, Instant resolvedSince) {
        return t.channel() == Channel.WHATSAPP && t.status() != TicketStatus.CLOSED
                && (t.status() != TicketStatus.RESOLVED || (t.resolvedAt() != null && !t.resolvedAt().isBefore(resolvedSince)));
    }
}
