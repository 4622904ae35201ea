package org.atende.reporting;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.atende.AtendeApplication;
import org.atende.customers.OrganisationId;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The compliance report over a read model of {@code -Drows=1000000} tickets on PostgreSQL: creates the
 * scratch database {@code atende_report_bench}, starts the desk on it (Flyway makes the tables), fills
 * {@code report_ticket} by SQL over 12 months, 40 organisations on 8 plans, 12 teams, 60 agents, 5
 * channels and 4 priorities (each row's figures drawn at random: the random draws reference the row, so
 * that PostgreSQL draws them again for every row), makes the monthly cells, and times the reports through
 * {@link Reports}: the first run, then the median of 5; then compares the year's percentiles from the
 * cells with PostgreSQL's exact {@code percentile_cont}. Run with {@code mvn -Preport-load test-compile exec:exec}.
 */
public final class ComplianceLoad {

    private static final String DB = "atende_report_bench";
    private static final int ROWS = Integer.getInteger("rows", 1_000_000);

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DB);
            s.execute("CREATE DATABASE " + DB);
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AtendeApplication.class).run(Stream.of(
                "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + DB, "spring.datasource.username=postgres",
                "spring.datasource.password=", "server.port=0", "atende.notifications.dispatch-enabled=false",
                "atende.sla.sweep-enabled=false", "atende.reports.aggregate-enabled=false", "atende.reports.mailing-enabled=false",
                "logging.level.root=WARN").map(p -> "--" + p).toArray(String[]::new))) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            Reports reports = app.getBean(Reports.class);
            long t0 = System.nanoTime();
            jdbc.sql("""
                    INSERT INTO report_ticket (ticket_id, ticket_number, organisation_id, plan_id, team_id, assignee_id, channel,
                           priority, ticket_type, technical_service, status, opened_at, support_month, first_response,
                           first_response_seconds, resolution, resolution_seconds, paused_seconds, reopen_count, resolved_at, updated_at)
                    SELECT g, g + 1000, 1 + (g * 7919) % 40, 1 + ((g * 7919) % 40) % 8, 1 + (g * 104729) % 12,
                           CASE WHEN g % 10 = 0 THEN NULL ELSE 1 + (g * 1299709) % 60 END,
                           (ARRAY['EMAIL','PORTAL','WHATSAPP','API','APP'])[1 + (g * 31) % 5],
                           (ARRAY['LOW','MEDIUM','MEDIUM','HIGH','HIGH','URGENT'])[1 + (g * 17) % 6],
                           CASE WHEN g % 50 = 0 THEN 'TECHNICAL_SERVICE' ELSE 'INCIDENT' END, g % 50 = 0,
                           CASE WHEN r.fr < 0.04 THEN 'OPEN' ELSE 'RESOLVED' END, o.at, to_char(o.at, 'YYYY-MM'),
                           CASE WHEN r.fr < 0.04 THEN 'OPEN' WHEN r.fr < 0.13 THEN 'BREACHED' ELSE 'MET' END,
                           CASE WHEN r.fr < 0.04 THEN NULL ELSE (60 + r.frs * r.frs * 40000)::bigint END,
                           CASE WHEN r.fr < 0.04 THEN 'OPEN' WHEN r.res < 0.18 THEN 'BREACHED' ELSE 'MET' END,
                           CASE WHEN r.fr < 0.04 THEN NULL ELSE (1800 + r.ress * r.ress * 200000)::bigint END,
                           CASE WHEN r.p < 0.3 THEN (r.p * 100000)::bigint ELSE 0 END,
                           CASE WHEN r.p > 0.95 THEN 1 ELSE 0 END, o.at + interval '1 day', now()
                    FROM generate_series(1::bigint, ?) g
                    CROSS JOIN LATERAL (SELECT random() AS fr, random() AS frs, random() AS res, random() AS ress, random() AS p WHERE g > 0) r
                    CROSS JOIN LATERAL (SELECT timestamptz '2025-12-01 00:00:00+00' + (g::double precision / ?) * interval '365 days' AS at) o
                    """).params(ROWS, ROWS).update();
            jdbc.sql("ANALYZE report_ticket").update();
            // the desk lists every changed (month, organisation); the aggregation makes their cells
            jdbc.sql("INSERT INTO report_change (support_month, organisation_id) SELECT DISTINCT support_month, organisation_id FROM report_ticket")
                    .update();
            long a0 = System.nanoTime();
            int pairs = app.getBean(ReportCells.class).aggregate();
            jdbc.sql("ANALYZE report_cell").update();
            System.out.printf(Locale.ROOT, "monthly cells of %d (month, organisation) pairs made in %.1f s; %d cells, %s%n", pairs,
                    (System.nanoTime() - a0) / 1e9, jdbc.sql("SELECT COUNT(*) FROM report_cell").query(Long.class).single(),
                    jdbc.sql("SELECT pg_size_pretty(pg_total_relation_size('report_cell'))").query(String.class).single());
            System.out.printf(Locale.ROOT, "loaded %,d rows in %.1f s; table %s, indexes %s%n", ROWS, (System.nanoTime() - t0) / 1e9,
                    jdbc.sql("SELECT pg_size_pretty(pg_table_size('report_ticket'))").query(String.class).single(),
                    jdbc.sql("SELECT pg_size_pretty(pg_indexes_size('report_ticket'))").query(String.class).single());
            YearMonth from = YearMonth.of(2025, 12);
            YearMonth to = YearMonth.of(2026, 11);
            time("by month, 12 months, all organisations", () -> reports.compliance(Dimension.MONTH, from, to, null).size());
            time("by organisation, 12 months", () -> reports.compliance(Dimension.ORGANISATION, from, to, null).size());
            time("by agent, 12 months", () -> reports.compliance(Dimension.AGENT, from, to, null).size());
            time("by month, 12 months, one organisation", () -> reports.compliance(Dimension.MONTH, from, to, new OrganisationId(7)).size());
            time("by priority, one month, one organisation (monthly report)",
                    () -> reports.compliance(Dimension.PRIORITY, to, to, new OrganisationId(7)).size());
            time("by organisation, one month", () -> reports.compliance(Dimension.ORGANISATION, to, to, null).size());
            time("by agent, one month, all organisations", () -> reports.compliance(Dimension.AGENT, to, to, null).size());
            time("by priority, 12 months, all organisations", () -> reports.compliance(Dimension.PRIORITY, from, to, null).size());
            time("by team, 12 months, all organisations", () -> reports.compliance(Dimension.TEAM, from, to, null).size());
            time("by channel, 12 months, all organisations", () -> reports.compliance(Dimension.CHANNEL, from, to, null).size());
            time("overall, 12 months, all organisations", () -> List.of(reports.complianceOverall(from, to, null)).size());
            // one ticket changed: its pair is read from report_ticket until the next aggregation
            jdbc.sql("INSERT INTO report_change (support_month, organisation_id) VALUES ('2026-11', 7)").update();
            time("by month, 12 months, all organisations, one pair changed", () -> reports.compliance(Dimension.MONTH, from, to, null).size());
            accuracy(jdbc, reports, from, to);
            for (String plan : List.of(
                    "SELECT support_month, COUNT(*), PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY first_response_seconds) FROM report_ticket WHERE NOT technical_service AND support_month >= '2025-12' AND support_month <= '2026-11' GROUP BY support_month",
                    "SELECT priority, COUNT(*), PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY first_response_seconds) FROM report_ticket WHERE NOT technical_service AND support_month >= '2026-11' AND support_month <= '2026-11' AND organisation_id = 7 GROUP BY priority")) {
                System.out.println("EXPLAIN ANALYZE " + plan);
                jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + plan).query(String.class).list().forEach(l -> System.out.println("  " + l));
            }
        }
    }

    /** How far the percentiles from the monthly histograms are from the exact ones over the year (PostgreSQL's percentile_cont). */
    private static void accuracy(JdbcClient jdbc, Reports reports, YearMonth from, YearMonth to) {
        ComplianceRow approx = reports.complianceOverall(from, to, null);
        List<Double> exact = jdbc.sql("""
                SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY first_response_seconds), PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY first_response_seconds),
                       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY resolution_seconds), PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY resolution_seconds),
                       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY CASE WHEN paused_seconds > 0 THEN paused_seconds END)
                FROM report_ticket WHERE NOT technical_service AND closed_as IS NULL AND support_month >= ? AND support_month <= ?""")
                .params(from.toString(), to.toString())
                .query((rs, n) -> List.of(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5))).single();
        List<Double> got = java.util.Arrays.asList(approx.firstResponseMedianSeconds(), approx.firstResponseP90Seconds(), approx.resolutionMedianSeconds(),
                approx.resolutionP90Seconds(), approx.pausedMedianSeconds());
        List<String> names = List.of("first response median", "first response p90", "resolution median", "resolution p90", "paused median");
        for (int i = 0; i < names.size(); i++) {
            Double g = got.get(i);
            System.out.printf(Locale.ROOT, "| %s | exact %.1f s | from the histograms %s s | %s |%n", names.get(i), exact.get(i),
                    g == null ? "none" : String.format(Locale.ROOT, "%.1f", g),
                    g == null ? "-" : String.format(Locale.ROOT, "%+.3f %%", 100 * (g - exact.get(i)) / exact.get(i)));
        }
    }

    private static void time(String what, Supplier<Integer> report) {
        long start = System.nanoTime();
        int rows = report.get();
        double first = (System.nanoTime() - start) / 1e6;
        List<Double> runs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long s = System.nanoTime();
            report.get();
            runs.add((System.nanoTime() - s) / 1e6);
        }
        Collections.sort(runs);
        System.out.printf(Locale.ROOT, "| %s | %d rows | first %.0f ms | warm median %.0f ms |%n", what, rows, first, runs.get(2));
    }
}
