package org.atende.channels.whatsapp;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.atende.notifications.Outgoing;
import org.atende.tickets.TicketId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers that went as a template because the 24-hour window was closed. The template tells the
 * customer there is an answer and asks for a reply; the reply to the number it came from opens the window,
 * and then the answer's own text is queued (all its parts, in order), in the transaction that takes the
 * reply in.
 */
@Component
class HeldAnswers {

    private record Held(long id, long ticketId, @Nullable Long ticketMessageId, @Nullable String subject, String body,
            @Nullable Long attachment) {
    }

    private final JdbcClient jdbc;
    private final WhatsAppOutbox outbox;
    private final Clock clock;

    HeldAnswers(JdbcClient jdbc, WhatsAppOutbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Holds an answer (or one part of it) announced by the template with this wamid. */
    void hold(Outgoing answer, String templateWamid) {
        if (answer.ticketId() == null) {
            return;
        }
        jdbc.sql("""
                INSERT INTO whatsapp_held_answer (recipient, ticket_id, ticket_message_id, subject, body, held_at, template_wamid,
                    attachment_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(answer.recipient(), answer.ticketId().value(), answer.ticketMessageId(), answer.subject(), answer.body(),
                        Timestamp.from(clock.instant()), templateWamid,
                        answer.attachments().isEmpty() ? null : answer.attachments().getFirst())
                .update();
    }

    /** The template that announced this ticket message, while its text is still held. */
    Optional<String> templateFor(long ticketMessageId) {
        return jdbc.sql("SELECT template_wamid FROM whatsapp_held_answer WHERE ticket_message_id = ? AND released_at IS NULL "
                        + "AND template_wamid IS NOT NULL ORDER BY id LIMIT 1")
                .param(ticketMessageId).query(String.class).optional();
    }

    /**
     * The customer at one of these addresses just wrote to this number: what was held for them there goes
     * now, oldest first, each answer's parts in order.
     */
    int release(WhatsAppProperties.BusinessNumber number, List<String> addresses) {
        List<Outgoing> going = new java.util.ArrayList<>();
        for (String address : addresses) {
            List<Held> waiting = jdbc.sql("SELECT id, ticket_id, ticket_message_id, subject, body, attachment_id FROM whatsapp_held_answer "
                            + "WHERE recipient = ? AND released_at IS NULL ORDER BY id FOR UPDATE")
                    .param(address).query((rs, n) -> {
                        long message = rs.getLong(3);
                        Long messageId = rs.wasNull() ? null : message;
                        long file = rs.getLong(6);
                        Long attachment = rs.wasNull() ? null : file;
                        return new Held(rs.getLong(1), rs.getLong(2), messageId, rs.getString(4), rs.getString(5), attachment);
                    }).list();
            for (Held h : waiting) {
                SendingLabel label = SendingLabel.of(h.subject());
                if (label.number() != null && !label.number().equals(number.phoneNumberId())) {
                    continue; // held for another of the desk's numbers: that one's window is still closed
                }
                SendingLabel from = new SendingLabel(label.language(), number.phoneNumberId());
                if (h.attachment() != null) { // a file of the answer: one media message, its caption the body
                    going.add(new Outgoing(org.atende.tickets.Channel.WHATSAPP, Outgoing.Purpose.REPLY, new TicketId(h.ticketId()),
                            h.ticketMessageId(), address, from.subject(), h.body(), WhatsAppOutbox.externalId(), null, List.of(), false,
                            List.of(h.attachment())));
                } else {
                    going.addAll(WhatsAppOutbox.parts(Outgoing.Purpose.REPLY, new TicketId(h.ticketId()), h.ticketMessageId(), address,
                            from, h.body(), null, false));
                }
                jdbc.sql("UPDATE whatsapp_held_answer SET released_at = ? WHERE id = ?").params(Timestamp.from(clock.instant()), h.id())
                        .update();
            }
        }
        outbox.queueInOrder(going); // one chain: the answers arrive in the order they were written
        return going.size();
    }

    /** The customer changed number: what is held for the old one waits for the new one. */
    void readdress(String from, String to) {
        jdbc.sql("UPDATE whatsapp_held_answer SET recipient = ? WHERE recipient = ? AND released_at IS NULL").params(to, from).update();
    }
}
