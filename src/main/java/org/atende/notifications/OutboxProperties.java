package org.atende.notifications;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code atende.notifications.*}: how the outbox sends.
 *
 * @param dispatchInterval pause between passes ({@code ATENDE_NOTIFICATIONS_DISPATCHINTERVAL}, 5 s)
 * @param batchSize a pass sends at most 100 times this many messages, each claimed, sent and recorded in a
 *        transaction of its own (20)
 * @param maxAttempts attempts before a message is given up as failed (10)
 * @param firstRetry wait after the first failure, doubled after each next one (30 s)
 * @param maxRetry the longest wait between attempts (1 h)
 * @param dispatchEnabled off on instances that must not send
 */
@ConfigurationProperties("atende.notifications")
public record OutboxProperties(@DefaultValue("PT5S") Duration dispatchInterval, @DefaultValue("20") int batchSize,
        @DefaultValue("10") int maxAttempts, @DefaultValue("PT30S") Duration firstRetry, @DefaultValue("PT1H") Duration maxRetry,
        @DefaultValue("true") boolean dispatchEnabled) {

    /** The wait after the {@code attempt}-th failure (1-based): 30 s, 1 min, 2 min, … capped. */
    Duration backoff(int attempt) {
        long factor = 1L << Math.min(Math.max(attempt - 1, 0), 20);
        Duration wait = firstRetry.multipliedBy(factor);
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
