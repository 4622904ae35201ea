package org.atende.channels.email;

import java.sql.Timestamp;
import java.time.Instant;

import org.atende.tickets.TicketId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The inbound mail table: one row per mail ever read (its key is unique, so a mail read twice, or by two
 * instances at once, is recorded once), with its raw source and what became of it.
 */
@Component
class InboundRecords {

    private final JdbcClient jdbc;

    InboundRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean known(String messageKey) {
        return jdbc.sql("SELECT COUNT(*) FROM inbound_mail WHERE message_key = ?").param(messageKey).query(Integer.class).single() > 0;
    }

    /** Which of these keys are on record already: one query for a whole batch of mails. */
    java.util.Set<String> known(java.util.Collection<String> messageKeys) {
        if (messageKeys.isEmpty()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(jdbc.sql("SELECT message_key FROM inbound_mail WHERE message_key IN (:keys)")
                .param("keys", java.util.List.copyOf(messageKeys)).query(String.class).list());
    }

    /** Claims the key first, in the caller's transaction: a concurrent reader of the same mail waits here, then fails. */
    long claim(String messageKey, String messageId, String mailbox, @Nullable String sender, @Nullable String subject,
            byte[] raw, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO inbound_mail (message_key, message_id, mailbox, sender, subject, outcome, received_at)
                VALUES (?, ?, ?, ?, ?, 'UNREADABLE', ?)""")
                .params(messageKey, clip(messageId, 998), mailbox, sender == null ? null : clip(sender, 320),
                        subject == null ? null : clip(subject, 998), Timestamp.from(at))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("INSERT INTO inbound_mail_source (inbound_mail_id, raw) VALUES (?, ?)").params(id, raw).update();
        return id;
    }

    void settle(long id, InboundOutcome outcome, @Nullable Long ticketMessageId, @Nullable String html, @Nullable String fullText) {
        jdbc.sql("UPDATE inbound_mail SET outcome = ?, ticket_id = ?, ticket_message_id = ?, detail = ?, html = ?, full_text = ? WHERE id = ?")
                .params(outcome.kind().name(), outcome.ticket() == null ? null : outcome.ticket().value(), ticketMessageId,
                        outcome.detail() == null ? null : clip(outcome.detail(), 1000), html == null ? null : clip(html, 1_000_000),
                        fullText == null ? null : clip(fullText, 1_000_000), id)
                .update();
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
