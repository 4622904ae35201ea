package org.atende.channels.whatsapp;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.atende.customers.QuotaExhaustedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes in the queued messages of one sender one at a time, in order, on whichever instance gets there.
 * Ten notifications at once from one new number would otherwise race each other to create ten contacts
 * and ten tickets; here each message is taken in, in its own transaction, only by the worker holding the
 * sender's row ({@code SELECT … FOR UPDATE SKIP LOCKED}): a worker that finds it held leaves the messages
 * to its holder and looks again shortly, so no thread waits on a lock and different senders never wait
 * for each other.
 *
 * <p>The order is the messages' own timestamp, then their arrival. Meta sends a burst as separate,
 * concurrent requests that arrive in any order, so a message is taken in only once it has waited the
 * ordering window ({@code atende.whatsapp.ordering-window}, counted on the database's clock so that every
 * instance agrees) and no earlier one of its sender is still waiting: what arrives within the window of
 * each other lands in the order it was written.
 */
@Component
class SenderQueue {

    private static final Logger log = LoggerFactory.getLogger(SenderQueue.class);
    static final int MAX_ATTEMPTS = 5;
    /** How soon a worker that found the sender held looks again. */
    private static final Duration BUSY_RETRY = Duration.ofMillis(200);

    /** What one step of a sender's work found. */
    private sealed interface Step {
        Step BUSY = new Busy();
        Step IDLE = new Idle();
        Step TAKEN = new Taken();
        Step FAILED = new Failed();

        record Busy() implements Step {
        }

        record Idle() implements Step {
        }

        record Taken() implements Step {
        }

        record Failed() implements Step {
        }

        record Young(Duration remaining) implements Step {
        }
    }

    private record Queued(long id, String phoneNumberId, String wamid, String message, String profile, int attempts,
            Instant queuedAt, Instant databaseNow) {
    }

    private final JdbcClient jdbc;
    private final InboundWhatsApp inbound;
    private final WhatsAppProperties properties;
    private final TransactionTemplate transactions;
    private final TaskExecutor executor;
    private final TaskScheduler scheduler;
    private final Set<String> woken = ConcurrentHashMap.newKeySet();
    private final JsonMapper json = JsonMapper.builder().build();

    SenderQueue(JdbcClient jdbc, InboundWhatsApp inbound, WhatsAppProperties properties, PlatformTransactionManager transactions,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor, TaskScheduler scheduler) {
        this.jdbc = jdbc;
        this.inbound = inbound;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactions);
        this.executor = executor;
        this.scheduler = scheduler;
    }

    /** A message of this sender was queued: its work starts once the ordering window has passed. */
    void wake(String sender) {
        wake(sender, properties.orderingWindow());
    }

    /** Senders with messages still waiting (a crash, a failed attempt): worked on now. */
    int wakeWaiting() {
        var waiting = jdbc.sql("SELECT DISTINCT sender FROM whatsapp_inbound WHERE given_up_at IS NULL").query(String.class).list();
        waiting.forEach(s -> wake(s, Duration.ZERO));
        return waiting.size();
    }

    /** How many messages wait to be taken in (for tests and benchmarks). */
    long waiting() {
        return jdbc.sql("SELECT COUNT(*) FROM whatsapp_inbound WHERE given_up_at IS NULL").query(Long.class).single();
    }

    /** One pending wake-up per sender and instance: a burst of ten notifications schedules one worker. */
    private void wake(String sender, Duration delay) {
        if (woken.add(sender)) {
            scheduler.schedule(() -> {
                woken.remove(sender);
                executor.execute(() -> drain(sender));
            }, Instant.now().plus(delay));
        }
    }

    /** Takes in what is due of the sender's messages, oldest first, until none is or one fails. */
    void drain(String sender) {
        while (true) {
            Step step;
            try {
                step = step(sender);
            } catch (RuntimeException e) {
                log.warn("WhatsApp messages of {} not taken in: {}", sender, e.toString());
                return; // the schedule looks again
            }
            switch (step) {
                case Step.Taken t -> {
                }
                case Step.Young y -> {
                    wake(sender, y.remaining());
                    return;
                }
                case Step.Busy b -> {
                    if (hasWaiting(sender)) { // its holder may be finishing: look again, so nothing is left behind
                        wake(sender, BUSY_RETRY);
                    }
                    return;
                }
                default -> {
                    return;
                }
            }
        }
    }

    private boolean hasWaiting(String sender) {
        return jdbc.sql("SELECT COUNT(*) FROM whatsapp_inbound WHERE sender = ? AND given_up_at IS NULL").param(sender)
                .query(Integer.class).single() > 0;
    }

    private Step step(String sender) {
        Queued[] taking = new Queued[1];
        try {
            return Objects.requireNonNull(transactions.execute(tx -> {
                Optional<Queued> next = lockAndPeek(sender);
                if (next == null) {
                    return Step.BUSY;
                }
                if (next.isEmpty()) {
                    return Step.IDLE;
                }
                Queued q = next.get();
                Step young = young(q);
                if (young != null) {
                    return young;
                }
                taking[0] = q;
                inbound.take(properties.numberOrFirst(q.phoneNumberId()), read(q.profile()), read(q.message()));
                jdbc.sql("DELETE FROM whatsapp_inbound WHERE id = ?").param(q.id()).update();
                // what comes next, seen under the lock still held: a sender with nothing more (the usual case) costs no
                // transaction of its own to find that out; one queued after this look wakes a worker of its own
                Optional<Queued> following = peek(sender);
                if (following.isEmpty()) {
                    return Step.IDLE;
                }
                young = young(following.get());
                return young != null ? young : Step.TAKEN;
            }));
        } catch (QuotaExhaustedException e) { // nothing of the attempt was kept: the refusal is its own transaction
            Queued q = taking[0];
            return Objects.requireNonNull(transactions.execute(tx -> {
                Optional<Queued> next = lockAndPeek(sender);
                if (next == null || next.isEmpty() || next.get().id() != q.id()) {
                    return Step.BUSY;
                }
                inbound.refuse(properties.numberOrFirst(q.phoneNumberId()), read(q.profile()), read(q.message()), e);
                jdbc.sql("DELETE FROM whatsapp_inbound WHERE id = ?").param(q.id()).update();
                return Step.TAKEN;
            }));
        } catch (RuntimeException e) {
            Queued q = taking[0];
            if (q == null) {
                throw e;
            }
            int attempts = q.attempts() + 1;
            log.warn("WhatsApp message {} from {} not taken in (attempt {}): {}", q.wamid(), sender, attempts, e.toString());
            String error = e.toString();
            transactions.executeWithoutResult(tx -> jdbc.sql(
                            "UPDATE whatsapp_inbound SET attempts = ?, last_error = ?, given_up_at = ? WHERE id = ?")
                    .params(attempts, error.length() > 1000 ? error.substring(0, 1000) : error,
                            attempts >= MAX_ATTEMPTS ? Timestamp.from(q.databaseNow()) : null, q.id())
                    .update());
            // after its last attempt the message is set aside (kept, with its error) and the sender's next ones go on
            return attempts >= MAX_ATTEMPTS ? Step.TAKEN : Step.FAILED;
        }
    }

    /** A message still inside the ordering window: the step that waits out the rest of it; null when it may be taken in. */
    private Step.@Nullable Young young(Queued q) {
        Duration age = Duration.between(q.queuedAt(), q.databaseNow());
        return age.compareTo(properties.orderingWindow()) < 0 ? new Step.Young(properties.orderingWindow().minus(age)) : null;
    }

    /** Locks the sender's row, then reads its first waiting message; {@code null} when another worker holds the row. */
    @SuppressWarnings("OptionalAssignedToNull")
    private Optional<Queued> lockAndPeek(String sender) {
        if (jdbc.sql("SELECT address FROM whatsapp_sender WHERE address = ? FOR UPDATE SKIP LOCKED").param(sender)
                .query(String.class).optional().isEmpty()) {
            return null;
        }
        return peek(sender);
    }

    /** The sender's first waiting message, the sender's row being held. */
    private Optional<Queued> peek(String sender) {
        return jdbc.sql("""
                        SELECT id, phone_number_id, wamid, message, profile, attempts, queued_at, CURRENT_TIMESTAMP AS db_now
                        FROM whatsapp_inbound WHERE sender = ? AND given_up_at IS NULL ORDER BY sent_at, id LIMIT 1""")
                .param(sender)
                .query((rs, n) -> new Queued(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6), rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getObject(8, OffsetDateTime.class).toInstant()))
                .optional();
    }

    private JsonNode read(String text) {
        return json.readTree(text);
    }
}
