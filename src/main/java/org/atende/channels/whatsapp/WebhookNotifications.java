package org.atende.channels.whatsapp;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhook notifications as they came, committed before Meta gets its {@code 200}, then worked through
 * once. A notification whose work failed is taken up again later, at most five times.
 */
@Component
class WebhookNotifications {

    static final int MAX_ATTEMPTS = 5;

    /** A stored notification waiting to be worked through. */
    record Pending(long id, String body, int attempts) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    WebhookNotifications(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    long store(String body) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO whatsapp_notification (body, received_at) VALUES (?, ?)").params(body, Timestamp.from(clock.instant()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Notifications received before {@code before} and still waiting, oldest first: their first working failed or never ran. */
    List<Pending> waiting(Instant before, int limit) {
        return jdbc.sql("SELECT id, body, attempts FROM whatsapp_notification WHERE processed_at IS NULL AND received_at < ? ORDER BY id LIMIT ?")
                .params(Timestamp.from(before), limit).query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getInt(3))).list();
    }

    java.util.Optional<Pending> get(long id) {
        return jdbc.sql("SELECT id, body, attempts FROM whatsapp_notification WHERE id = ? AND processed_at IS NULL").param(id)
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getInt(3))).optional();
    }

    @Transactional
    void done(long id) {
        jdbc.sql("UPDATE whatsapp_notification SET processed_at = ? WHERE id = ?").params(Timestamp.from(clock.instant()), id).update();
    }

    /** A failed attempt; after the last one the notification is set aside with its error (and its body kept). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void failed(long id, String error, int attempts) {
        Instant now = clock.instant();
        jdbc.sql("UPDATE whatsapp_notification SET attempts = ?, last_error = ?, processed_at = ? WHERE id = ?")
                .params(attempts, error.length() > 1000 ? error.substring(0, 1000) : error,
                        attempts >= MAX_ATTEMPTS ? Timestamp.from(now) : null, id)
                .update();
    }
}
