package org.atende.channels.whatsapp;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhook notifications as they came, committed before Meta gets its {@code 200}, with their messages
 * queued by sender in the same transaction ({@link SenderQueue} takes them in); the statuses they carry
 * are worked through once, and again later if that failed, at most five times.
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

    /**
     * Stores a notification and queues its messages. One without statuses has nothing more to work
     * through: it is stored as done. A sender seen for the first time gets the row its worker locks.
     */
    @Transactional
    long store(String body, NotificationReading reading) {
        var keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("INSERT INTO whatsapp_notification (body, received_at, processed_at) VALUES (?, ?, ?)")
                .params(body, now, reading.statuses() ? null : now).update(keys, "id");
        long id = keys.getKey().longValue();
        queue(id, reading.messages());
        return id;
    }

    /** Queues messages of a stored notification by sender. */
    @Transactional
    void queue(long notification, List<NotificationReading.Queued> messages) {
        for (NotificationReading.Queued m : messages) {
            // a plain read first: ON CONFLICT is then only reached by a sender's very first messages
            if (jdbc.sql("SELECT COUNT(*) FROM whatsapp_sender WHERE address = ?").param(m.sender()).query(Integer.class).single() == 0) {
                jdbc.sql("INSERT INTO whatsapp_sender (address) VALUES (?) ON CONFLICT DO NOTHING").param(m.sender()).update();
            }
            jdbc.sql("""
                    INSERT INTO whatsapp_inbound (sender, notification_id, phone_number_id, wamid, sent_at, message, profile)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(m.sender(), notification, m.phoneNumberId(), m.wamid(), Timestamp.from(m.sentAt()), m.message(), m.profile())
                    .update();
        }
    }

    /** The messages neither taken in nor waiting: those of a notification stored before messages were queued with it. */
    List<NotificationReading.Queued> neverQueued(List<NotificationReading.Queued> messages) {
        return messages.stream().filter(m -> jdbc.sql("SELECT (SELECT COUNT(*) FROM whatsapp_message WHERE wamid = ?) "
                + "+ (SELECT COUNT(*) FROM whatsapp_inbound WHERE wamid = ?)").params(m.wamid(), m.wamid()).query(Integer.class).single() == 0)
                .toList();
    }

    /** Notifications received before {@code before} and still waiting, oldest first: their first working failed or never ran. */
    List<Pending> waiting(Instant before, int limit) {
        return jdbc.sql("SELECT id, body, attempts FROM whatsapp_notification WHERE processed_at IS NULL AND received_at < ? ORDER BY id LIMIT ?")
                .params(Timestamp.from(before), limit).query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getInt(3))).list();
    }

    Optional<Pending> get(long id) {
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
