package org.atende.tickets;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Closes tickets resolved more than {@code atende.tickets.close-after} ago (default 7 days).
 * Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several instances close each ticket once.
 */
@Component
class AutoClose {

    private final JdbcClient jdbc;
    private final Tickets tickets;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration closeAfter;
    private final Timer duration;

    AutoClose(JdbcClient jdbc, Tickets tickets, TransactionTemplate tx, Clock clock,
            @Value("${atende.tickets.close-after:P7D}") Duration closeAfter, MeterRegistry registry) {
        this.duration = Timer.builder("atende.sweep.duration").description("One pass of a sweep").tag("sweep", "auto-close")
                .register(registry);
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.tx = tx;
        this.clock = clock;
        this.closeAfter = closeAfter;
    }

    @Scheduled(fixedDelayString = "${atende.tickets.close-interval:PT10M}", initialDelayString = "PT1M")
    void sweep() {
        duration.record(() -> {
            while (closeBatch(100) == 100) {
                // keep going while batches come back full
            }
        });
    }

    /** Closes up to {@code limit} tickets; returns how many were closed. */
    int closeBatch(int limit) {
        Integer closed = tx.execute(status -> {
            Instant now = clock.instant();
            List<Long> ids = jdbc.sql("""
                    SELECT id FROM ticket WHERE status = 'RESOLVED' AND resolved_at <= ?
                    ORDER BY resolved_at LIMIT ? FOR UPDATE SKIP LOCKED""")
                    .params(Timestamp.from(now.minus(closeAfter)), limit).query(Long.class).list();
            ids.forEach(id -> tickets.closeResolved(id, now));
            return ids.size();
        });
        return closed == null ? 0 : closed;
    }
}
