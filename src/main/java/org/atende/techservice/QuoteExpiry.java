package org.atende.techservice;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One pass of the expiry sweep: in batches of {@code atende.techservice.expiry-batch-size}, each its own
 * transaction, claims sent quotes past their validity with {@code SELECT ... FOR UPDATE SKIP LOCKED} and
 * expires each (timeline entry and {@link QuoteExpired} in the same transaction). Sweepers on several
 * instances never expire a quote twice: a claimed row is invisible to the others until the claim commits,
 * and by then it is no longer SENT. A customer's acceptance racing the sweep waits on the row lock.
 */
@Component
class QuoteExpiry {

    private static final int MAX_BATCHES_PER_PASS = 1_000;

    private record Batch(int claimed, int expired) {
    }

    private final QuoteStore store;
    private final Quotes quotes;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int batchSize;

    QuoteExpiry(QuoteStore store, Quotes quotes, PlatformTransactionManager transactions, Clock clock,
            TechServiceProperties properties) {
        this.store = store;
        this.quotes = quotes;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.batchSize = properties.expiryBatchSize();
    }

    /** Expires every lapsed quote; returns how many. */
    int runOnce() {
        Instant now = clock.instant();
        int expired = 0;
        for (int i = 0; i < MAX_BATCHES_PER_PASS; i++) {
            Batch batch = Objects.requireNonNull(transactions.execute(tx -> batch(now)));
            expired += batch.expired();
            if (batch.claimed() < batchSize) {
                break;
            }
        }
        return expired;
    }

    private Batch batch(Instant now) {
        List<Long> claimed = store.claimLapsed(now, batchSize);
        int expired = 0;
        for (long id : claimed) {
            if (quotes.expireLapsed(id, now)) {
                expired++;
            }
        }
        return new Batch(claimed.size(), expired);
    }
}
