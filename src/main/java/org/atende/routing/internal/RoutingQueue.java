package org.atende.routing.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.atende.tickets.TicketId;
import org.atende.tickets.TicketOpened;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tickets waiting to be routed, and the worker that routes them. The transaction that opens a ticket queues it (one
 * row in {@code routing_queue}), so a ticket is routed exactly when its opening commits, even if the instance stops
 * right after; the commit wakes this instance's worker, which takes the waiting tickets in batches
 * ({@code FOR UPDATE SKIP LOCKED}: two instances never take the same ticket) and routes each batch in one transaction
 * ({@link Router#opened(List)}), deleting its rows in the same transaction. Woken, it waits {@code atende.routing.gather}
 * (20 ms) so that the tickets opened meanwhile join the batch: routing costs a few statements per batch instead of a
 * transaction per ticket, and a ticket is routed a few tens of milliseconds after its opening commits.
 * <p>
 * A batch that fails is taken again one ticket per transaction, so one ticket that cannot be routed holds up no other;
 * that ticket waits before its next attempt (doubling from one second up to {@code atende.routing.retry-after}). Every
 * {@code atende.routing.poll-interval} the worker also looks for tickets whose wait is over or that another instance
 * queued and did not route (it stopped). Intake is never slowed or refused by routing.
 */
@Component
public class RoutingQueue {

    private static final Logger log = LoggerFactory.getLogger(RoutingQueue.class);
    static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final Router router;
    private final TransactionTemplate transactions;
    private final TaskExecutor executor;
    private final Clock clock;
    private final Duration retryCap;
    private final Duration gather;
    private final AtomicBoolean working = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    RoutingQueue(JdbcClient jdbc, Router router, PlatformTransactionManager transactions,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor, Clock clock,
            @Value("${atende.routing.retry-after:PT1M}") Duration retryCap,
            @Value("${atende.routing.gather:PT0.02S}") Duration gather) {
        this.jdbc = jdbc;
        this.router = router;
        this.transactions = new TransactionTemplate(transactions);
        this.executor = executor;
        this.clock = clock;
        this.retryCap = retryCap;
        this.gather = gather;
    }

    /** Queues a ticket in the transaction that opens it; its commit wakes the worker. */
    @EventListener
    void on(TicketOpened opened) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("INSERT INTO routing_queue (ticket_id, queued_at, next_attempt_at) VALUES (?, ?, ?)")
                .params(opened.ticketId().value(), now, now).update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    /** Looks for tickets whose wait is over, or left by an instance that stopped. */
    @Scheduled(fixedDelayString = "${atende.routing.poll-interval:PT5S}", initialDelayString = "${atende.routing.poll-interval:PT5S}")
    void poll() {
        wake();
    }

    /** Has the worker route what is waiting, now: one worker per instance, which loops while it is woken again meanwhile. */
    public void wake() {
        again.set(true);
        if (working.compareAndSet(false, true)) {
            executor.execute(this::work);
        }
    }

    private void work() {
        try {
            while (again.getAndSet(false)) {
                Thread.sleep(gather); // lets the tickets of the next few milliseconds join the batch
                routeWaiting();
            }
        } catch (RuntimeException e) {
            log.warn("routing the waiting tickets failed; the next wake-up takes them again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down: the next start takes them
        } finally {
            working.set(false);
        }
        if (again.get()) { // woken between the last look and letting go
            wake();
        }
    }

    /** Routes the tickets waiting now, batch after batch; answers how many were routed (whatever the outcome). */
    public int routeWaiting() {
        int done = 0;
        while (true) {
            int n;
            try {
                n = transactions.execute(s -> routeBatch());
            } catch (RuntimeException e) {
                log.warn("routing a batch failed; its tickets are taken one at a time", e);
                n = routeOneByOne();
            }
            done += n;
            if (n < BATCH) {
                return done;
            }
        }
    }

    /** How many tickets wait to be routed (whether their wait is over or not). */
    public long waiting() {
        return jdbc.sql("SELECT COUNT(*) FROM routing_queue").query(Long.class).single();
    }

    private int routeBatch() {
        List<TicketId> batch = claim(null);
        if (!batch.isEmpty()) {
            Map<TicketId, Router.Result> results = router.opened(batch);
            log.debug("routed {} tickets: {}", batch.size(), results);
            remove(batch);
        }
        return batch.size();
    }

    /** After a failed batch: each due ticket in a transaction of its own; one that fails again waits before its next attempt. */
    private int routeOneByOne() {
        List<TicketId> due = jdbc.sql("SELECT ticket_id FROM routing_queue WHERE next_attempt_at <= ? ORDER BY ticket_id LIMIT ?")
                .params(Timestamp.from(clock.instant()), BATCH).query((rs, n) -> new TicketId(rs.getLong(1))).list();
        for (TicketId id : due) {
            try {
                transactions.executeWithoutResult(s -> {
                    if (!claim(id).isEmpty()) {
                        log.debug("ticket {} routed alone: {}", id, router.opened(List.of(id)).get(id));
                        remove(List.of(id));
                    }
                });
            } catch (RuntimeException e) {
                log.warn("routing ticket {} failed; it is tried again later", id, e);
                transactions.executeWithoutResult(s -> postpone(id, e));
            }
        }
        return due.size();
    }

    /** Locks the due rows (all of them, or one ticket's) that no other transaction holds, in ticket order. */
    private List<TicketId> claim(@Nullable TicketId only) {
        return jdbc.sql("SELECT ticket_id FROM routing_queue WHERE next_attempt_at <= :now AND (:only IS NULL OR ticket_id = :only) "
                        + "ORDER BY ticket_id LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("now", Timestamp.from(clock.instant())).param("only", only == null ? null : only.value(), java.sql.Types.BIGINT)
                .param("limit", BATCH).query((rs, n) -> new TicketId(rs.getLong(1))).list();
    }

    private void remove(List<TicketId> ids) {
        jdbc.sql("DELETE FROM routing_queue WHERE ticket_id IN (:ids)").param("ids", ids.stream().map(TicketId::value).toList()).update();
    }

    private void postpone(TicketId id, RuntimeException e) {
        int attempts = jdbc.sql("SELECT attempts FROM routing_queue WHERE ticket_id = ? FOR UPDATE").param(id.value())
                .query(Integer.class).optional().orElse(-1);
        if (attempts < 0) {
            return; // routed meanwhile
        }
        Duration wait = Duration.ofSeconds(1L << Math.min(attempts, 20));
        Instant next = clock.instant().plus(wait.compareTo(retryCap) > 0 ? retryCap : wait);
        String error = String.valueOf(e.getMessage());
        jdbc.sql("UPDATE routing_queue SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE ticket_id = ?")
                .params(Timestamp.from(next), error.substring(0, Math.min(error.length(), 1000)), id.value()).update();
    }
}
