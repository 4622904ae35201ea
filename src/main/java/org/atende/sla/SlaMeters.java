package org.atende.sla;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.atende.operations.AfterCommit;
import org.atende.operations.CachedReading;
import org.atende.operations.MetricsProperties;
import org.atende.operations.TransactionScoped;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketId;
import org.atende.tickets.Tickets;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The SLA module's meters.
 * <ul>
 * <li>{@code atende.sla.clocks} (gauge, tags {@code kind}, {@code state}): the clocks of tickets still being
 * worked on, by where they stand: {@code running}, {@code at_risk} (running, warned), {@code paused},
 * {@code breached} (running past the target). Stopped clocks are the reports' business. Read with one
 * grouped query at most once per {@code atende.metrics.refresh-interval}, whatever the scrapes; every
 * instance reports the same figure (take the max over instances, not the sum).</li>
 * <li>{@code atende.sla.breaches} (counter, tags {@code priority}, {@code kind}): breaches marked, counted by
 * the instance that marked them once the mark commits (sum over instances).</li>
 * <li>{@code atende.sweep.duration} (timer, tag {@code sweep=sla}): one pass of the SLA sweep, escalation
 * rules included.</li>
 * </ul>
 */
@Component
class SlaMeters {

    private static final String BREACHED_HERE = SlaMeters.class.getName() + ".breachedHere";

    static final List<String> STATES = List.of("running", "at_risk", "paused", "breached");

    private final Map<String, Counter> breaches = new HashMap<>();
    private final Tickets tickets;
    private final Timer sweep;

    SlaMeters(MeterRegistry registry, JdbcClient jdbc, MetricsProperties properties, Clock clock, Tickets tickets) {
        this.tickets = tickets;
        CachedReading<Map<String, Long>> clocks = new CachedReading<>("sla clocks", properties.refreshInterval(), clock,
                Map.of(), () -> liveClocks(jdbc));
        for (ClockKind kind : ClockKind.values()) {
            for (String state : STATES) {
                String key = tag(kind) + "/" + state;
                Gauge.builder("atende.sla.clocks", clocks, c -> c.get().getOrDefault(key, 0L))
                        .description("Clocks of tickets being worked on, by state")
                        .tag("kind", tag(kind)).tag("state", state).strongReference(true).register(registry);
            }
            for (Priority priority : Priority.values()) {
                breaches.put(kind + "/" + priority, Counter.builder("atende.sla.breaches").description("Breaches marked")
                        .tag("kind", tag(kind)).tag("priority", priority.name().toLowerCase(Locale.ROOT)).register(registry));
            }
        }
        this.sweep = Timer.builder("atende.sweep.duration").description("One pass of a sweep").tag("sweep", "sla")
                .register(registry);
    }

    Timer sweepTimer() {
        return sweep;
    }

    /** Counts a breach by its ticket's priority once the transaction commits; a transaction's breaches are read together. */
    @EventListener
    void on(SlaBreached breached) {
        TransactionScoped.<List<SlaBreached>>value(BREACHED_HERE, java.util.ArrayList::new, this::count)
                .ifPresentOrElse(b -> b.add(breached), () -> count(List.of(breached)));
    }

    private void count(List<SlaBreached> breached) {
        Map<TicketId, Priority> priorities = tickets.prioritiesOf(breached.stream().map(SlaBreached::ticketId).toList());
        for (SlaBreached b : breached) {
            Priority priority = priorities.get(b.ticketId());
            if (priority != null) {
                AfterCommit.run(breaches.get(b.kind() + "/" + priority)::increment);
            }
        }
    }

    private static Map<String, Long> liveClocks(JdbcClient jdbc) {
        Map<String, Long> found = new HashMap<>();
        jdbc.sql("""
                SELECT kind, state, CASE WHEN warned_at IS NULL THEN 0 ELSE 1 END AS warned, COUNT(*) AS clocks
                FROM sla_clock WHERE stopped_at IS NULL AND excluded_since IS NULL
                GROUP BY kind, state, CASE WHEN warned_at IS NULL THEN 0 ELSE 1 END""")
                .query(rs -> {
                    String kind = tag(ClockKind.valueOf(rs.getString("kind")));
                    String state = switch (rs.getString("state")) {
                        case "RUNNING" -> rs.getInt("warned") == 1 ? "at_risk" : "running";
                        case "PAUSED" -> "paused";
                        case "BREACHED" -> "breached";
                        default -> null;
                    };
                    if (state != null) {
                        found.merge(kind + "/" + state, rs.getLong("clocks"), Long::sum);
                    }
                });
        return found;
    }

    private static String tag(ClockKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
