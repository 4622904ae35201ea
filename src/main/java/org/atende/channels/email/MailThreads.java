package org.atende.channels.email;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.atende.tickets.TicketId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The Message-IDs of every mail in and out, each with its ticket: what a reply's {@code In-Reply-To} and
 * {@code References} are matched against, and what the desk's own replies refer to.
 */
@Component
class MailThreads {

    private final JdbcClient jdbc;
    private final Clock clock;

    MailThreads(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The key of a Message-ID: SHA-256 of its lower-case form without angle brackets. */
    static String key(String messageId) {
        return sha256(normalise(messageId).getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String normalise(String messageId) {
        String id = messageId.strip();
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1);
        }
        return id.toLowerCase(Locale.ROOT);
    }

    /** Records a Message-ID's ticket, once: a Message-ID already known keeps its first ticket (one statement either way). */
    void remember(String messageId, TicketId ticket, boolean inbound) {
        String key = key(messageId);
        jdbc.sql("""
                INSERT INTO mail_thread (message_key, message_id, ticket_id, direction, recorded_at)
                SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM mail_thread WHERE message_key = ?)""")
                .params(key, normalise(messageId), ticket.value(), inbound ? "IN" : "OUT", Timestamp.from(clock.instant()), key)
                .update();
    }

    /** The ticket of the first of these Message-IDs the desk knows, tried in the order given. */
    Optional<TicketId> ticketOf(List<String> messageIds) {
        for (String id : messageIds) {
            Optional<TicketId> found = jdbc.sql("SELECT ticket_id FROM mail_thread WHERE message_key = ?").param(key(id))
                    .query((rs, n) -> new TicketId(rs.getLong(1))).optional();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** A ticket's Message-IDs, oldest first, at most {@code limit} (the first and the latest ones kept). */
    List<String> of(TicketId ticket, int limit) {
        List<String> all = jdbc.sql("SELECT message_id FROM mail_thread WHERE ticket_id = ? ORDER BY recorded_at, message_key")
                .param(ticket.value()).query(String.class).list();
        if (all.size() <= limit) {
            return all;
        }
        List<String> kept = new ArrayList<>();
        kept.add(all.getFirst());
        kept.addAll(all.subList(all.size() - (limit - 1), all.size()));
        return kept;
    }

    /** The latest mail the customer sent on a ticket, which a reply answers. */
    Optional<String> latestInbound(TicketId ticket) {
        return jdbc.sql("SELECT message_id FROM mail_thread WHERE ticket_id = ? AND direction = 'IN' ORDER BY recorded_at DESC, message_key LIMIT 1")
                .param(ticket.value()).query(String.class).optional();
    }
}
