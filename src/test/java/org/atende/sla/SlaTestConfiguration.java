package org.atende.sla;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;

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

        @EventListener
        void on(SlaWarning e) {
            warnings.add(e);
            threads.add(Thread.currentThread().getName());
        }

        @EventListener
        void on(SlaBreached e) {
            breaches.add(e);
            threads.add(Thread.currentThread().getName());
        }

        void clear() {
            warnings.clear();
            breaches.clear();
            threads.clear();
        }
    }
}
