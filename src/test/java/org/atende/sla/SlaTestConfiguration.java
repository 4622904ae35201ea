package org.atende.sla;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** What sla's Spring tests add: a clock they move, and a record of every SLA event from any thread. */
@TestConfiguration(proxyBeanMethods = false)
class SlaTestConfiguration {

    @Bean
    @Primary
    MovingClock movingClock() {
        return new MovingClock(Instant.parse("2026-11-26T10:00:00Z"));
    }

    @Bean
    PublishedSlaEvents publishedSlaEvents() {
        return new PublishedSlaEvents();
    }

    /** SLA events as listeners see them, across threads (ApplicationEvents only sees the test's own thread). */
    static final class PublishedSlaEvents {
        final List<SlaWarning> warnings = new CopyOnWriteArrayList<>();
        final List<SlaBreached> breaches = new CopyOnWriteArrayList<>();
        /** The threads that marked them. */
        final java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        /** How many transactions published them. */
        final AtomicInteger transactions = new AtomicInteger();

        @EventListener
        void on(SlaWarning e) {
            warnings.add(e);
            seen();
        }

        @EventListener
        void on(SlaBreached e) {
            breaches.add(e);
            seen();
        }

        private void seen() {
            threads.add(Thread.currentThread().getName());
            if (TransactionSynchronizationManager.isSynchronizationActive()
                    && TransactionSynchronizationManager.getSynchronizations().stream().noneMatch(Seen.class::isInstance)) {
                TransactionSynchronizationManager.registerSynchronization(new Seen());
                transactions.incrementAndGet();
            }
        }

        void clear() {
            warnings.clear();
            breaches.clear();
            threads.clear();
            transactions.set(0);
        }

        /** Marks a transaction as counted. */
        private static final class Seen implements TransactionSynchronization {
        }
    }
}
