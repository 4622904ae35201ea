package org.atende.channels.whatsapp;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.atende.notifications.Outbox;
import org.atende.notifications.Outgoing;
import org.atende.tickets.Channel;
import org.atende.tickets.TicketId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers that went as a template because the 24-hour window was closed. The template tells the
 * customer there is an answer and asks for a reply; the reply opens the window, and then the answer's
 * own text is queued, in the transaction that takes the reply in.
 */
@Component
class HeldAnswers {

    private record Held(long id, long ticketId, @Nullable Long ticketMessageId, @Nullable String subject, String body) {
    }

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;

    HeldAnswers(JdbcClient jdbc, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    void hold(Outgoing answer) {
        if (answer.ticketId() == null) {
            return;
        }
        jdbc.sql("INSERT INTO whatsapp_held_answer (recipient, ticket_id, ticket_message_id, subject, body, held_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(answer.recipient(), answer.ticketId().value(), answer.ticketMessageId(), answer.subject(), answer.body(),
                        Timestamp.from(clock.instant()))
                .update();
    }

    /** The customer at one of these addresses just wrote: what was held for them goes now, oldest first. */
    int release(List<String> addresses) {
        int released = 0;
        for (String address : addresses) {
            List<Held> waiting = jdbc.sql("SELECT id, ticket_id, ticket_message_id, subject, body FROM whatsapp_held_answer "
                            + "WHERE recipient = ? AND released_at IS NULL ORDER BY id FOR UPDATE")
                    .param(address).query((rs, n) -> {
                        long message = rs.getLong(3);
                        return new Held(rs.getLong(1), rs.getLong(2), rs.wasNull() ? null : message, rs.getString(4), rs.getString(5));
                    }).list();
            for (Held h : waiting) {
                outbox.enqueue(new Outgoing(Channel.WHATSAPP, Outgoing.Purpose.REPLY, new TicketId(h.ticketId()), h.ticketMessageId(),
                        address, h.subject(), h.body(), "wa-" + UUID.randomUUID(), null, List.of(), false));
                jdbc.sql("UPDATE whatsapp_held_answer SET released_at = ? WHERE id = ?").params(Timestamp.from(clock.instant()), h.id())
                        .update();
                released++;
            }
        }
        return released;
    }
}
