package org.atende.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.atende.operations.CachedReading;
import org.atende.operations.MetricsProperties;
import org.atende.tickets.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The outbox's meters, per channel:
 * <ul>
 * <li>{@code atende.outbox.depth} (gauge): messages waiting to be sent (queued, retries included);</li>
 * <li>{@code atende.outbox.oldest.age} (gauge, seconds): how long the oldest of them has waited (0 when
 * none waits);</li>
 * <li>{@code atende.outbox.dispatched} (counter, tag {@code outcome}: {@code sent}, {@code retry},
 * {@code failed}): what this instance's dispatcher did.</li>
 * </ul>
 * The gauges come from one grouped query over the waiting messages, run at most once per
 * {@code atende.metrics.refresh-interval}; every instance reports the same figure (take the max).
 */
@Component
class OutboxMeters {

    private record Waiting(long depth, Instant oldest) {
    }

    private final Map<String, Counter> dispatched = new HashMap<>();

    OutboxMeters(MeterRegistry registry, JdbcClient jdbc, MetricsProperties properties, Clock clock) {
        CachedReading<Map<Channel, Waiting>> waiting = new CachedReading<>("outbox", properties.refreshInterval(), clock,
                Map.of(), () -> waiting(jdbc));
        for (Channel channel : Channel.values()) {
            String tag = channel.name().toLowerCase(Locale.ROOT);
            Gauge.builder("atende.outbox.depth", waiting, w -> {
                        Waiting found = w.get().get(channel);
                        return found == null ? 0 : found.depth();
                    })
                    .description("Messages waiting in the outbox").tag("channel", tag).strongReference(true).register(registry);
            Gauge.builder("atende.outbox.oldest.age", waiting, w -> {
                        Waiting found = w.get().get(channel);
                        return found == null ? 0 : Math.max(0, Duration.between(found.oldest(), clock.instant()).toSeconds());
                    })
                    .description("How long the oldest waiting message has waited").baseUnit("seconds").tag("channel", tag)
                    .strongReference(true).register(registry);
            for (String outcome : new String[] {"sent", "retry", "failed"}) {
                dispatched.put(channel + "/" + outcome, Counter.builder("atende.outbox.dispatched")
                        .description("Outgoing messages the dispatcher handled").tag("channel", tag).tag("outcome", outcome)
                        .register(registry));
            }
        }
    }

    void dispatched(Channel channel, String outcome) {
        Counter counter = dispatched.get(channel + "/" + outcome.toLowerCase(Locale.ROOT));
        if (counter != null) {
            counter.increment();
        }
    }

    private static Map<Channel, Waiting> waiting(JdbcClient jdbc) {
        Map<Channel, Waiting> found = new EnumMap<>(Channel.class);
        jdbc.sql("SELECT channel, COUNT(*) AS depth, MIN(created_at) AS oldest FROM outgoing_message WHERE state = 'QUEUED' GROUP BY channel")
                .query(rs -> {
                    Timestamp oldest = rs.getTimestamp("oldest");
                    found.put(Channel.valueOf(rs.getString("channel")), new Waiting(rs.getLong("depth"), oldest.toInstant()));
                });
        return found;
    }
}
