package org.atende.sla;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.sun.management.OperatingSystemMXBean;
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
 * timeline, its report row and its opening flow row ({@code -Dreportrows=false}: without them, as the figures before 6
 * December 2026 were measured). A desk that has been up has swept before: unless {@code -Dwarmup=0}, a pass on the
 * Monday before first marks {@code -Dwarmup} (60,000) tickets of the week before, half overdue and half in their warning
 * share (none of the million is due or warned yet then), which are then resolved, and their report changes folded. (After
 * 20,000 warm-up marks the JIT compiler still took 2.1–3.1 s of CPU in the measured pass of 4–5 s; after 60,000,
 * 0.35–1.7 s.) Then it times {@link SlaSweep#runOnce()}: the pass that marks the million's due clocks, and a pass with nothing to mark; it prints the desk's and PostgreSQL's CPU a mark, the desk's
 * threads' CPU (the JIT compiler's share shows how warm the desk was) and, with {@code -Dstatements=true} and
 * {@code pg_stat_statements} preloaded, PostgreSQL's time by statement. Run with {@code mvn -Psweep-load test-compile exec:exec}.
 */
public final class SweepLoad {

    private static final String DB = "atende_sweep_bench";
    private static final int TICKETS = Integer.getInteger("tickets", 1_000_000);
    /** -Dstatements=true: print PostgreSQL's time by statement in the first pass (needs pg_stat_statements preloaded). */
    private static final boolean STATEMENT_STATS = Boolean.getBoolean("statements");
    private static final int WARM_UP = Integer.getInteger("warmup", 60_000);
    /** -Dreportrows=false: the tickets without their report and flow rows (a mark then inserts them). */
    private static final boolean REPORT_ROWS = Boolean.parseBoolean(System.getProperty("reportrows", "true"));
    /** How long the warm-up's report changes may take to be folded before the benchmark gives up (6–10 s measured). */
    private static final Duration FOLD_WAIT = Duration.ofMinutes(10);

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
            // 15:xx: 18-19 business hours by now, due Thursday 15:xx); 2..6: the same, already warned; else started today 09:xx.
            // Past the million, the warm-up's tickets of the week before: even ones overdue (started Monday 16th), odd ones
            // in their warning share on Monday 23rd at 08:00 (started Thursday 19th 14:xx: 18-19 business hours)
            jdbc.sql("""
                    INSERT INTO ticket (id, number, organisation_id, channel, subject, type, priority, status, received_at, updated_at)
                    SELECT g, g + 1000, (SELECT MIN(id) FROM organisation) + g % 40, 'EMAIL', 'Bench ticket ' || g, 'INCIDENT', 'MEDIUM', 'OPEN', s.at, s.at
                    FROM generate_series(1, ? + ?) g
                    CROSS JOIN LATERAL (SELECT CASE WHEN g > ? AND g % 2 = 0 THEN timestamptz '2026-11-16 09:00:00+00'
                                                    WHEN g > ? THEN timestamptz '2026-11-19 14:00:00+00'
                                                    WHEN g % 100 = 0 THEN timestamptz '2026-11-23 09:00:00+00'
                                                    WHEN g % 100 BETWEEN 1 AND 6 THEN timestamptz '2026-11-24 15:00:00+00'
                                                    ELSE timestamptz '2026-11-26 09:00:00+00' END
                                               + ((g * 37) % 3540) * interval '1 second' AS at) s
                    """).params(TICKETS, WARM_UP, TICKETS, TICKETS).update();
            jdbc.sql("SELECT setval('ticket_number_seq', ? + 1000)").param(TICKETS + WARM_UP).query(Long.class).single();
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
                           CASE WHEN t.id > ? AND t.id % 2 = 1 THEN t.received_at + interval '4 days'
                                WHEN t.id % 100 = 0 OR t.id > ? THEN t.received_at + interval '36 hours' ELSE t.received_at + interval '48 hours' END,
                           CASE WHEN t.id % 100 = 0 THEN t.received_at + interval '30 hours'
                                WHEN t.id % 100 BETWEEN 1 AND 6 THEN t.received_at + interval '30 hours'
                                ELSE t.received_at + interval '30 hours' END,
                           CASE WHEN t.id <= ? AND t.id % 100 BETWEEN 2 AND 6 THEN timestamptz '2026-11-26 09:30:00+00' END
                    FROM ticket t CROSS JOIN (SELECT id FROM sla_policy WHERE name = 'Standard support terms') p
                    """).params(TICKETS, TICKETS, TICKETS).update();
            // each ticket's report row and opening flow row, as the desk writes them when it opens a ticket (its first
            // response met after 30 minutes, its resolution open until its due time): a mark then updates the row, as on a
            // desk, instead of inserting it
            if (REPORT_ROWS) {
                jdbc.sql("""
                        INSERT INTO report_ticket (ticket_id, ticket_number, organisation_id, plan_id, channel, priority, ticket_type,
                            technical_service, status, opened_at, support_month, first_response, first_response_seconds, resolution,
                            paused_seconds, reopen_count, updated_at, waited, resolution_due, live_at)
                        SELECT t.id, t.number, t.organisation_id, o.plan_id, t.channel, t.priority, t.type, FALSE, 'OPEN', t.received_at,
                               to_char(t.received_at AT TIME ZONE 'Europe/Lisbon', 'YYYY-MM'), 'MET', 1800, 'OPEN', 0, 0, t.received_at,
                               FALSE, c.due_at, c.due_at
                        FROM ticket t JOIN organisation o ON o.id = t.organisation_id
                        JOIN sla_clock c ON c.ticket_id = t.id AND c.kind = 'RESOLUTION'
                        """).update();
                jdbc.sql("""
                        INSERT INTO report_ticket_flow (ticket_id, flow_day, organisation_id, opened, resolved, reopened, waiting_change, backlog_change)
                        SELECT id, CAST(received_at AT TIME ZONE 'Europe/Lisbon' AS DATE), organisation_id, 1, 0, 0, 0, 1 FROM ticket
                        """).update();
            }
            // -Dleads=N: N active leads, whom every mark is told (no ticket has an assignee, team or account lead)
            for (int i = 0; i < Integer.getInteger("leads", 0); i++) {
                jdbc.sql("INSERT INTO app_user (email, name, role, active, created_at) VALUES (?, ?, 'LEAD', TRUE, now())")
                        .params("lead" + i + "@bench.example", "Lead " + i).update();
            }
            // what autovacuum does to tables loaded like these long before a sweep finds them (hint bits, statistics)
            jdbc.sql("VACUUM ANALYZE").update();
            System.out.printf(Locale.ROOT, "loaded %,d open tickets (and %,d for the warm-up) and %,d clocks in %.1f s%n", TICKETS, WARM_UP,
                    jdbc.sql("SELECT COUNT(*) FROM sla_clock").query(Long.class).single(), (System.nanoTime() - t0) / 1e9);

            SlaSweep sweep = app.getBean(SlaSweep.class);
            if (WARM_UP > 0) {
                // a desk that has been up has swept before: a pass on the Monday marks the warm-up's tickets alone (none of
                // the million is due or warned yet), then they are resolved and the clock moves on to Thursday 10:00
                Instant thursday = MovingTime.CLOCK.instant();
                MovingTime.CLOCK.set(Instant.parse("2026-11-23T08:00:00Z"));
                SlaSweep.Result warm = sweep.runOnce();
                jdbc.sql("UPDATE sla_clock SET state = 'MET', stopped_at = timestamptz '2026-11-23 08:00:00+00' WHERE ticket_id > ? AND state = 'RUNNING'")
                        .param(TICKETS).update();
                jdbc.sql("UPDATE ticket SET status = 'RESOLVED', resolved_at = timestamptz '2026-11-23 08:00:00+00' WHERE id > ?").param(TICKETS).update();
                // the report cells' fold (scheduled every 10 s) takes the warm-up's changes, as a desk that has been up has
                // long done, before the measured pass rather than during it
                long folding = System.nanoTime();
                while (jdbc.sql("SELECT COUNT(*) FROM report_change").query(Long.class).single() > 0) {
                    if (System.nanoTime() - folding > FOLD_WAIT.toNanos()) {
                        throw new IllegalStateException("the warm-up's report changes were not folded in " + FOLD_WAIT);
                    }
                    Thread.sleep(500);
                }
                // every table, as autovacuum would have since: the pass's own tables (alerts, report events, desk lines)
                // now hold rows, and a table never analysed is planned as if any IN list matched all of it
                jdbc.sql("VACUUM ANALYZE").update();
                MovingTime.CLOCK.set(thursday);
                System.out.printf(Locale.ROOT, "warm-up pass on %,d other tickets: %,d breaches, %,d warnings marked, then those tickets resolved; "
                        + "their report changes folded in %.0f s%n", WARM_UP, warm.breached(), warm.warned(), (System.nanoTime() - folding) / 1e9);
            }
            for (String pass : List.of("first pass", "second pass (nothing left to mark)")) {
                MeterRegistry meters = app.getBean(MeterRegistry.class);
                double statements = counted(meters, "atende.jdbc.statements");
                double transactions = counted(meters, "atende.jdbc.transactions");
                var process = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
                long cpu = process.getProcessCpuTime(); // the pass's lanes run on threads of their own
                if (STATEMENT_STATS) {
                    jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
                    jdbc.sql("SELECT pg_stat_statements_reset()").query(String.class).list();
                }
                Map<String, Long> threads = threadTicks();
                long postgres = postgresTicks();
                long start = System.nanoTime();
                SlaSweep.Result result = sweep.runOnce();
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuMs = (process.getProcessCpuTime() - cpu) / 1e6;
                int marks = result.breached() + result.warned();
                double postgresMs = (postgresTicks() - postgres) * 10.0;
                Map<String, Long> after = threadTicks();
                after.replaceAll((name, ticks) -> ticks - threads.getOrDefault(name, 0L));
                double statementsRun = counted(meters, "atende.jdbc.statements") - statements;
                double transactionsRun = counted(meters, "atende.jdbc.transactions") - transactions;
                System.out.printf(Locale.ROOT, "| %s | %,d breaches, %,d warnings marked | %.2f s | %s |%n", pass, result.breached(),
                        result.warned(), seconds, marks == 0 ? "%.0f statements, %.0f transactions".formatted(statementsRun, transactionsRun)
                                : "%.3f ms (%.3f ms of the desk's CPU, %.3f ms of PostgreSQL's), %.1f statements and %.3f transactions a mark".formatted(
                                        seconds * 1000 / marks, cpuMs / marks, postgresMs / marks, statementsRun / marks, transactionsRun / marks));
                if (STATEMENT_STATS && marks > 0) {
                    System.out.println("  PostgreSQL's time in the pass, by statement (pg_stat_statements): ms in all, calls, rows, statement");
                    jdbc.sql("""
                            SELECT round(total_exec_time::numeric, 0) || ' ms | ' || calls || ' | ' || rows || ' | ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 150)
                            FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                            ORDER BY total_exec_time DESC LIMIT 15
                            """).query(String.class).list().forEach(l -> System.out.println("    " + l));
                }
                // where the desk's CPU went, by thread (a thread that ended during the pass, such as a lane's, is not listed)
                System.out.println("  the desk's threads, CPU in the pass: " + after.entrySet().stream().filter(e -> e.getValue() > 0)
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                        .map(e -> e.getKey() + " " + e.getValue() * 10 + " ms").collect(Collectors.joining(", ")));
            }
            for (String claim : List.of(
                    "SELECT ticket_id, kind FROM sla_clock WHERE state = 'RUNNING' AND excluded_since IS NULL AND breached_at IS NULL AND due_at < timestamptz '2026-11-26 10:00:00+00' ORDER BY due_at LIMIT 200",
                    "SELECT ticket_id, kind FROM sla_clock WHERE state = 'RUNNING' AND excluded_since IS NULL AND warned_at IS NULL AND warn_at <= timestamptz '2026-11-26 10:00:00+00' AND due_at >= timestamptz '2026-11-26 10:00:00+00' ORDER BY warn_at LIMIT 200")) {
                System.out.println("EXPLAIN ANALYZE " + claim);
                jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + claim).query(String.class).list().forEach(l -> System.out.println("  " + l));
            }
        }
    }

    /** CPU clock ticks (10 ms) so far of PostgreSQL's processes; its backends serve only the desk during the pass. */
    private static long postgresTicks() throws IOException {
        long ticks = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (var process : processes.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
                try {
                    if (Files.getOwner(process).getName().equals("postgres")) {
                        String stat = Files.readString(process.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException gone) {
                }
            }
        }
        return ticks;
    }

    /** CPU clock ticks (10 ms) so far of each of this process's threads, by name with its digits replaced by #. */
    private static Map<String, Long> threadTicks() throws IOException {
        Map<String, Long> ticks = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (var task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "#");
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(comm, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (IOException gone) {
                }
            }
        }
        return ticks;
    }

    /** The benchmark's statement or transaction counter (atende.bench.count-statements), all kinds of work together. */
    private static double counted(MeterRegistry meters, String name) {
        return meters.find(name).functionCounters().stream().mapToDouble(c -> c.count()).sum();
    }
}
