package org.atende.sla;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.atende.AtendeApplication;
import org.atende.support.MovingTime;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One SLA sweep pass over {@code -Dtickets=1000000} open tickets on PostgreSQL: creates the scratch
 * database {@code atende_sweep_bench}, starts the desk on it with the clock at Thursday 26 November
 * 2026, 10:00 Lisbon (the sweep's schedule off), and inserts by SQL, for every ticket, a first-response
 * clock stopped within target and a running 24-business-hour resolution clock: 1 % past their due time,
 * 1 % in their warning share, 5 % already warned, the rest started this morning; and each ticket's opening line on its
 * timeline. Then it times
 * {@link SlaSweep#runOnce()}: the pass that marks them, and a pass with nothing to mark. Run with
 * {@code mvn -Psweep-load test-compile exec:exec}.
 */
public final class SweepLoad {

    private static final String DB = "atende_sweep_bench";
    private static final int TICKETS = Integer.getInteger("tickets", 1_000_000);

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DB);
            s.execute("CREATE DATABASE " + DB);
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AtendeApplication.class, MovingTime.class).run(Stream.of(
                "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + DB, "spring.datasource.username=postgres",
                "spring.datasource.password=", "server.port=0", "atende.notifications.dispatch-enabled=false",
                "atende.sla.sweep-enabled=false", "atende.bench.count-statements=true", "logging.level.root=WARN").map(p -> "--" + p).toArray(String[]::new))) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long t0 = System.nanoTime();
            jdbc.sql("INSERT INTO plan (name, sla_policy_id, default_priority, created_at) SELECT 'Bench', id, 'MEDIUM', now() FROM sla_policy WHERE name = 'Standard support terms'").update();
            jdbc.sql("INSERT INTO organisation (name, plan_id, language, created_at) SELECT 'Bench ' || g, (SELECT id FROM plan WHERE name = 'Bench'), 'PT', now() FROM generate_series(1, 40) g").update();
            // g % 100 = 0: overdue (started Monday 09:xx, due Tuesday 21:xx); = 1: in its warning share (started Tuesday
            // 15:xx: 18-19 business hours by now, due Thursday 15:xx); 2..6: the same, already warned; else started today 09:xx
            jdbc.sql("""
                    INSERT INTO ticket (id, number, organisation_id, channel, subject, type, priority, status, received_at, updated_at)
                    SELECT g, g + 1000, (SELECT MIN(id) FROM organisation) + g % 40, 'EMAIL', 'Bench ticket ' || g, 'INCIDENT', 'MEDIUM', 'OPEN', s.at, s.at
                    FROM generate_series(1, ?) g
                    CROSS JOIN LATERAL (SELECT CASE WHEN g % 100 = 0 THEN timestamptz '2026-11-23 09:00:00+00'
                                                    WHEN g % 100 BETWEEN 1 AND 6 THEN timestamptz '2026-11-24 15:00:00+00'
                                                    ELSE timestamptz '2026-11-26 09:00:00+00' END
                                               + ((g * 37) % 3540) * interval '1 second' AS at) s
                    """).param(TICKETS).update();
            jdbc.sql("SELECT setval('ticket_number_seq', ? + 1000)").param(TICKETS).query(Long.class).single();
            // each ticket's opening line, as every ticket the desk opens has: the report rewrite reads the marked tickets' timelines
            jdbc.sql("""
                    INSERT INTO timeline_event (ticket_id, occurred_at, actor, kind, detail)
                    SELECT id, received_at, 'Bench requester', 'CREATED', '#' || number || ' via EMAIL, priority MEDIUM' FROM ticket
                    """).update();
            jdbc.sql("""
                    INSERT INTO sla_clock (ticket_id, kind, policy_id, started_at, target_amount, target_unit, state, due_at, warn_at, stopped_at)
                    SELECT t.id, 'FIRST_RESPONSE', p.id, t.received_at, 1, 'DAYS', 'MET', t.received_at + interval '12 hours',
                           t.received_at + interval '9 hours', t.received_at + interval '30 minutes'
                    FROM ticket t CROSS JOIN (SELECT id FROM sla_policy WHERE name = 'Standard support terms') p
                    """).update();
            jdbc.sql("""
                    INSERT INTO sla_clock (ticket_id, kind, policy_id, started_at, target_amount, target_unit, state, due_at, warn_at, warned_at)
                    SELECT t.id, 'RESOLUTION', p.id, t.received_at, 24, 'HOURS', 'RUNNING',
                           CASE WHEN t.id % 100 = 0 THEN t.received_at + interval '36 hours' ELSE t.received_at + interval '48 hours' END,
                           CASE WHEN t.id % 100 = 0 THEN t.received_at + interval '30 hours'
                                WHEN t.id % 100 BETWEEN 1 AND 6 THEN t.received_at + interval '30 hours'
                                ELSE t.received_at + interval '30 hours' END,
                           CASE WHEN t.id % 100 BETWEEN 2 AND 6 THEN timestamptz '2026-11-26 09:30:00+00' END
                    FROM ticket t CROSS JOIN (SELECT id FROM sla_policy WHERE name = 'Standard support terms') p
                    """).update();
            // -Dleads=N: N active leads, whom every mark is told (no ticket has an assignee, team or account lead)
            for (int i = 0; i < Integer.getInteger("leads", 0); i++) {
                jdbc.sql("INSERT INTO app_user (email, name, role, active, created_at) VALUES (?, ?, 'LEAD', TRUE, now())")
                        .params("lead" + i + "@bench.example", "Lead " + i).update();
            }
            // what autovacuum does to tables loaded like these long before a sweep finds them (hint bits, statistics)
            for (String table : List.of("ticket", "sla_clock", "timeline_event")) {
                jdbc.sql("VACUUM ANALYZE " + table).update();
            }
            System.out.printf(Locale.ROOT, "loaded %,d open tickets and %,d clocks in %.1f s%n", TICKETS,
                    jdbc.sql("SELECT COUNT(*) FROM sla_clock").query(Long.class).single(), (System.nanoTime() - t0) / 1e9);

            SlaSweep sweep = app.getBean(SlaSweep.class);
            for (String pass : List.of("first pass", "second pass (nothing left to mark)")) {
                MeterRegistry meters = app.getBean(MeterRegistry.class);
                double statements = counted(meters, "atende.jdbc.statements");
                double transactions = counted(meters, "atende.jdbc.transactions");
                var process = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
                long cpu = process.getProcessCpuTime(); // the pass's lanes run on threads of their own
                long start = System.nanoTime();
                SlaSweep.Result result = sweep.runOnce();
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuMs = (process.getProcessCpuTime() - cpu) / 1e6;
                int marks = result.breached() + result.warned();
                double statementsRun = counted(meters, "atende.jdbc.statements") - statements;
                double transactionsRun = counted(meters, "atende.jdbc.transactions") - transactions;
                System.out.printf(Locale.ROOT, "| %s | %,d breaches, %,d warnings marked | %.2f s | %s |%n", pass, result.breached(),
                        result.warned(), seconds, marks == 0 ? "%.0f statements, %.0f transactions".formatted(statementsRun, transactionsRun)
                                : "%.3f ms (%.3f ms of the desk's CPU), %.1f statements and %.3f transactions a mark".formatted(
                                        seconds * 1000 / marks, cpuMs / marks, statementsRun / marks, transactionsRun / marks));
            }
            for (String claim : List.of(
                    "SELECT ticket_id, kind FROM sla_clock WHERE state = 'RUNNING' AND excluded_since IS NULL AND breached_at IS NULL AND due_at < timestamptz '2026-11-26 10:00:00+00' ORDER BY due_at LIMIT 200",
                    "SELECT ticket_id, kind FROM sla_clock WHERE state = 'RUNNING' AND excluded_since IS NULL AND warned_at IS NULL AND warn_at <= timestamptz '2026-11-26 10:00:00+00' AND due_at >= timestamptz '2026-11-26 10:00:00+00' ORDER BY warn_at LIMIT 200")) {
                System.out.println("EXPLAIN ANALYZE " + claim);
                jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + claim).query(String.class).list().forEach(l -> System.out.println("  " + l));
            }
        }
    }

    /** The benchmark's statement or transaction counter (atende.bench.count-statements), all kinds of work together. */
    private static double counted(MeterRegistry meters, String name) {
        return meters.find(name).functionCounters().stream().mapToDouble(c -> c.count()).sum();
    }
}
