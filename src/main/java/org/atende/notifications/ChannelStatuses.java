package org.atende.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.atende.tickets.Channel;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How each channel did lately, in the database so that every instance agrees: the last success, the last
 * failure with its cause, and (while failing) when the outbox tries the channel again. The outbox's
 * dispatcher writes sending channels ({@value #EMAIL}, {@value #WHATSAPP}); the mailbox poller writes
 * each mailbox ({@code mailbox:<label>}). A success clears the failure (the count of failures in a row, not
 * the times: two instances' clocks may disagree by a little).
 */
@Service
public class ChannelStatuses {

    public static final String EMAIL = "email";
    public static final String WHATSAPP = "whatsapp";
    private static final String MAILBOX = "mailbox:";
    /** A success is written at most this often while nothing failed: one row takes every send's success. */
    private static final Duration SUCCESS_RESOLUTION = Duration.ofMinutes(1);

    /** A channel's record. It is failing from a failure until the next success (which sets {@code failures} back to 0). */
    public record Status(String name, @Nullable Instant lastSuccessAt, @Nullable Instant lastFailureAt, @Nullable String cause,
            int failures, @Nullable Instant retryAt) {

        public boolean failing() {
            return failures > 0;
        }

        /** Whether the outbox waits before trying the channel again. */
        public boolean waiting(Instant now) {
            return failing() && retryAt != null && retryAt.isAfter(now);
        }

        static Status none(String name) {
            return new Status(name, null, null, null, 0, null);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final OutboxProperties properties;
    private final TransactionTemplate separately;
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    /** When this instance last wrote each channel's success, while it has seen no failure since. */
    private final Map<String, Instant> succeededAt = new ConcurrentHashMap<>();

    ChannelStatuses(JdbcClient jdbc, Clock clock, OutboxProperties properties, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The record name of a sending channel. */
    public static String of(Channel channel) {
        return channel == Channel.WHATSAPP ? WHATSAPP : EMAIL;
    }

    public static String mailbox(String label) {
        return MAILBOX + label;
    }

    /**
     * Records a success. Every sent message reports one, so within {@link #SUCCESS_RESOLUTION} of this
     * instance's last written success, with no failure seen here since, nothing is written: another
     * instance's failure is then cleared by the next write, at most that long after.
     */
    public void succeeded(String name) {
        Instant now = clock.instant();
        Instant written = succeededAt.get(name);
        if (written != null && !written.isBefore(now.minus(SUCCESS_RESOLUTION)) && !written.isAfter(now)) {
            return;
        }
        ensure(name);
        jdbc.sql("""
                UPDATE channel_status SET last_success_at = ?, failures = 0, cause = NULL, retry_at = NULL
                WHERE name = ? AND (last_success_at IS NULL OR last_success_at < ? OR failures > 0)""")
                .params(Timestamp.from(now), name, Timestamp.from(now.minus(SUCCESS_RESOLUTION))).update();
        succeededAt.put(name, now);
    }

    /** Records a failure; the channel is tried again after a wait that doubles with each failure in a row. */
    public Status failed(String name, String cause) {
        succeededAt.remove(name);
        ensure(name);
        Instant now = clock.instant();
        int failures = jdbc.sql("SELECT failures FROM channel_status WHERE name = ?").param(name).query(Integer.class).single() + 1;
        Instant retryAt = now.plus(properties.backoff(failures));
        String clipped = cause.length() > 1000 ? cause.substring(0, 1000) : cause;
        jdbc.sql("UPDATE channel_status SET last_failure_at = ?, cause = ?, failures = ?, retry_at = ? WHERE name = ?")
                .params(Timestamp.from(now), clipped, failures, Timestamp.from(retryAt), name).update();
        return new Status(name, null, now, clipped, failures, retryAt);
    }

    public Status of(String name) {
        return jdbc.sql("SELECT * FROM channel_status WHERE name = ?").param(name).query(ChannelStatuses::row).optional()
                .orElseGet(() -> Status.none(name));
    }

    /** Every mailbox's record, by label. */
    public List<Status> mailboxes() {
        return jdbc.sql("SELECT * FROM channel_status WHERE name LIKE 'mailbox:%' ORDER BY name").query(ChannelStatuses::row).list();
    }

    /** Writes the row once, in a transaction of its own, so that a second instance writing it too harms nothing. */
    private void ensure(String name) {
        if (known.contains(name)) {
            return;
        }
        try {
            separately.executeWithoutResult(tx -> {
                if (jdbc.sql("SELECT COUNT(*) FROM channel_status WHERE name = ?").param(name).query(Integer.class).single() == 0) {
                    jdbc.sql("INSERT INTO channel_status (name) VALUES (?)").param(name).update();
                }
            });
        } catch (DuplicateKeyException alreadyThere) {
            // another instance wrote it first
        }
        known.add(name);
    }

    private static Status row(ResultSet rs, int n) throws SQLException {
        return new Status(rs.getString("name"), instant(rs.getTimestamp("last_success_at")), instant(rs.getTimestamp("last_failure_at")),
                rs.getString("cause"), rs.getInt("failures"), instant(rs.getTimestamp("retry_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
