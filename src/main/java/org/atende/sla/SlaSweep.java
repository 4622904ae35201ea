package org.atende.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.atende.sla.internal.ClockKey;
import org.atende.sla.internal.ClockStore;
import org.atende.sla.internal.StoredClock;
import org.atende.tickets.TicketId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One pass of the SLA sweep: in batches of {@code atende.sla.sweep-batch-size}, each its own
 * transaction, worked on {@code atende.sla.sweep-lanes} at a time once the first batch was full, claims running clocks past their due time or their warning time with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED}, reads each again (a pause may have moved it), and marks
 * warnings and breaches: timeline entry and event in the same transaction. Sweepers on several
 * instances share one database without marking a clock twice: a claimed row is invisible to the
 * others until the claim commits, and by then it no longer qualifies. Then the escalation rules are
 * evaluated ({@link EscalationSweep}), with the same discipline.
 */
@Component
class SlaSweep {

    private static final int MAX_BATCHES_PER_PASS = 1_000;

    /** What one pass marked, and how many escalation rules it fired. */
    record Result(int warned, int breached, int escalated) {

        Result(int warned, int breached) {
            this(warned, breached, 0);
        }
    }

    private record Batch(int claimed, int settled, int warned, int breached) {

        int[] marked() {
            return new int[] {warned, breached};
        }
    }

    private final ClockStore store;
    private final ClockBook book;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int batchSize;
    private final int lanes;
    private final EscalationSweep escalations;
    private final SlaMeters meters;

    SlaSweep(ClockStore store, ClockBook book, PlatformTransactionManager transactions, Clock clock,
            SlaSweepProperties properties, EscalationSweep escalations, SlaMeters meters) {
        this.meters = meters;
        this.escalations = escalations;
        this.store = store;
        this.book = book;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.batchSize = properties.sweepBatchSize();
        this.lanes = properties.sweepLanes();
    }

    Result runOnce() {
        return Objects.requireNonNull(meters.sweepTimer().record(() -> pass()));
    }

    /**
     * The first batch alone; the lanes only when it was full. A pass with fewer marks than a batch, the common case once
     * the desk is swept every minute, is then one transaction: each recipient gets one e-mail listing its marks, not one
     * from each lane.
     */
    private Result pass() {
        Instant now = ClockBook.second(clock.instant());
        int[] marked = new int[2]; // warned, breached
        Batch first = batchInTransaction(now);
        add(marked, first.marked());
        if (!last(first)) {
            add(marked, lanes(now));
        }
        // after the marks, so a rule on the warning or the breach sees the clocks this pass marked
        return new Result(marked[0], marked[1], escalations.runOnce(now));
    }

    /** The rest of the pass on {@code atende.sla.sweep-lanes} lanes; answers what they warned and breached. */
    private int[] lanes(Instant now) {
        if (lanes == 1) {
            return lane(now);
        }
        int[] marked = new int[2];
        // the lanes claim apart (SKIP LOCKED) as sweepers on several instances do
        try (ExecutorService pool = Executors.newFixedThreadPool(lanes, Thread.ofPlatform().name("sla-sweep-lane-", 1).factory())) {
            List<Future<int[]>> running = new ArrayList<>();
            for (int i = 0; i < lanes; i++) {
                running.add(pool.submit(() -> lane(now)));
            }
            for (Future<int[]> lane : running) {
                add(marked, done(lane));
            }
        }
        return marked;
    }

    /** Batch after batch until one finds less than a full batch, or marks nothing; answers what it warned and breached. */
    private int[] lane(Instant now) {
        int[] marked = new int[2];
        for (int i = 0; i < MAX_BATCHES_PER_PASS; i++) {
            Batch batch = batchInTransaction(now);
            add(marked, batch.marked());
            if (last(batch)) {
                break;
            }
        }
        return marked;
    }

    /** A batch that found less than a full batch, or read none of what it claimed, ends its lane. */
    private boolean last(Batch batch) {
        return batch.claimed() < batchSize || batch.settled() == 0;
    }

    private Batch batchInTransaction(Instant now) {
        return Objects.requireNonNull(transactions.execute(tx -> batch(now)));
    }

    private static void add(int[] sum, int[] more) {
        sum[0] += more[0];
        sum[1] += more[1];
    }

    private static int[] done(Future<int[]> lane) {
        try {
            return lane.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the sweep was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private Batch batch(Instant now) {
        Set<ClockKey> claimed = new LinkedHashSet<>(store.claimOverdue(now, batchSize));
        claimed.addAll(store.claimWarnable(now, batchSize - claimed.size()));
        if (claimed.isEmpty()) {
            return new Batch(0, 0, 0, 0);
        }
        Map<TicketId, List<StoredClock>> loaded = store.load(claimed.stream().map(ClockKey::ticket).distinct().toList());
        List<StoredClock> clocks = new ArrayList<>(claimed.size());
        for (ClockKey key : claimed) {
            loaded.getOrDefault(key.ticket(), List.of()).stream().filter(s -> s.key().equals(key)).findFirst().ifPresent(clocks::add);
        }
        ClockBook.Swept swept = book.sweep(clocks, now);
        return new Batch(claimed.size(), swept.read(), swept.warned(), swept.breached());
    }
}
