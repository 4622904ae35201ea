package org.atende.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.atende.customers.OrganisationId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Compliance pre-aggregated per month, organisation, dimension and group ({@code report_cell}): counts,
 * sums and histograms of the business times ({@link Times}), so that a year across every organisation
 * reads a few thousand cells instead of a million tickets.
 * <p>
 * A ticket's change lists its (month, organisation) in {@code report_change}, in the change's
 * transaction. {@link #aggregate} recomputes the cells of one listed pair per transaction from
 * {@code report_ticket}, then deletes exactly the listings it read: one committed meanwhile stays listed
 * and is taken at the next pass. Readers ({@link #tally}) take a listed pair from {@code report_ticket}
 * instead of its cells, so a report never lags behind the tickets. The aggregation runs on one
 * instance at a time: each transaction first takes the one row of {@code report_aggregation} with
 * {@code FOR UPDATE SKIP LOCKED}, and an instance that finds it taken leaves the work to the other.
 * <p>
 * Cells of organisation 0 hold every organisation: each aggregation adds to them the difference between
 * the pair's new cells and its old ones (histograms add and subtract exactly), so that a report across
 * every organisation reads 12 cells a group for a year, not 12 times the number of organisations. Such a
 * report takes the listed pairs' own cells out of them and counts those pairs ticket by ticket.
 */
@Component
class ReportCells {

    private static final int PAIRS_PER_PASS = 10_000;
    /** The organisation of the cells that hold every organisation (ids start at 1). */
    static final long ALL = 0;

    private final JdbcClient jdbc;
    private final LiveFigures live;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ReportCells(JdbcClient jdbc, LiveFigures live, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.live = live;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    record Pair(String month, long organisation) {
    }

    /** Recomputes the cells of every listed (month, organisation); answers how many pairs it took. */
    int aggregate() {
        int done = 0;
        while (done < PAIRS_PER_PASS && Boolean.TRUE.equals(transactions.execute(tx -> aggregateOne()))) {
            done++;
        }
        return done;
    }

    private boolean aggregateOne() {
        if (jdbc.sql("SELECT id FROM report_aggregation WHERE id = 1 FOR UPDATE SKIP LOCKED").query(Integer.class).optional().isEmpty()) {
            return false; // another instance is at it
        }
        Pair pair = jdbc.sql("SELECT support_month, organisation_id FROM report_change ORDER BY id LIMIT 1")
                .query((rs, n) -> new Pair(rs.getString(1).strip(), rs.getLong(2))).optional().orElse(null);
        if (pair == null) {
            return false;
        }
        List<Long> listed = jdbc.sql("SELECT id FROM report_change WHERE support_month = ? AND organisation_id = ?")
                .params(pair.month(), pair.organisation()).query(Long.class).list();
        List<TicketFigures> rows = jdbc.sql("SELECT " + TicketFigures.COLUMNS + " FROM report_ticket WHERE " + TicketFigures.COUNTED
                        + " AND support_month = ? AND organisation_id = ?")
                .params(pair.month(), pair.organisation()).query(TicketFigures::read).list();
        for (Dimension by : Dimension.values()) {
            Map<String, Tally> before = cells(by, pair.month(), pair.organisation());
            Map<String, Tally> groups = new TreeMap<>();
            rows.forEach(f -> groups.computeIfAbsent(f.key(by), k -> new Tally()).add(f, 1));
            jdbc.sql("DELETE FROM report_cell WHERE dimension = ? AND support_month = ? AND organisation_id = ?")
                    .params(by.name(), pair.month(), pair.organisation()).update();
            groups.forEach((key, t) -> insert(by, pair.month(), pair.organisation(), key, t));
            // the cells of every organisation (organisation 0) take the difference
            Set<String> keys = new java.util.TreeSet<>(before.keySet());
            keys.addAll(groups.keySet());
            Map<String, Tally> all = cells(by, pair.month(), ALL);
            for (String key : keys) {
                Tally t = all.getOrDefault(key, new Tally());
                if (before.containsKey(key)) {
                    t.add(before.get(key), -1);
                }
                if (groups.containsKey(key)) {
                    t.add(groups.get(key), 1);
                }
                jdbc.sql("DELETE FROM report_cell WHERE dimension = ? AND support_month = ? AND organisation_id = ? AND group_key = ?")
                        .params(by.name(), pair.month(), ALL, key).update();
                if (t.tickets > 0) {
                    insert(by, pair.month(), ALL, key, t);
                }
            }
        }
        for (int i = 0; i < listed.size(); i += 500) {
            jdbc.sql("DELETE FROM report_change WHERE id IN (:ids)").param("ids", listed.subList(i, Math.min(listed.size(), i + 500)))
                    .update();
        }
        jdbc.sql("UPDATE report_aggregation SET aggregated_at = ? WHERE id = 1").param(Sql.utc(clock.instant())).update();
        return true;
    }

    private Map<String, Tally> cells(Dimension by, String month, long organisation) {
        Map<String, Tally> found = new TreeMap<>();
        jdbc.sql("SELECT * FROM report_cell WHERE dimension = ? AND support_month = ? AND organisation_id = ?")
                .params(by.name(), month, organisation)
                .query(rs -> {
                    found.computeIfAbsent(rs.getString("group_key"), k -> new Tally()).addCell(rs, 1);
                });
        return found;
    }

    private void insert(Dimension by, String month, long organisation, String key, Tally t) {
        jdbc.sql("""
                INSERT INTO report_cell (support_month, organisation_id, dimension, group_key, tickets, fr_met, fr_breached,
                       res_met, res_breached, paused_tickets, paused_total, reopened, fr_times, res_times, paused_times)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(month, organisation, by.name(), key, t.tickets, t.firstMet, t.firstBreached, t.resolutionMet,
                        t.resolutionBreached, t.pausedTickets, t.pausedTotal, t.reopened, t.first.encode(), t.resolution.encode(),
                        t.paused.encode())
                .update();
    }

    /**
     * Counts the support tickets of the months into {@code groups} by {@code by}, as they stand at
     * {@code now}: the cells of pairs not listed as changed, the tickets of the listed ones, and the few
     * tickets whose figures moved since they were written taken out and put back as they are now.
     */
    void tally(Dimension by, YearMonth from, YearMonth to, @Nullable OrganisationId organisation, Map<String, Tally> groups, Instant now) {
        String org = organisation == null ? "" : " AND organisation_id = " + organisation.value();
        Set<Pair> listed = new HashSet<>(jdbc.sql("SELECT DISTINCT support_month, organisation_id FROM report_change "
                        + "WHERE support_month >= ? AND support_month <= ?" + org)
                .params(from.toString(), to.toString()).query((rs, n) -> new Pair(rs.getString(1).strip(), rs.getLong(2))).list());
        if (organisation == null) { // the cells of every organisation, less those of the listed pairs
            jdbc.sql("SELECT * FROM report_cell WHERE dimension = ? AND support_month >= ? AND support_month <= ? AND organisation_id = ?")
                    .params(by.name(), from.toString(), to.toString(), ALL)
                    .query(rs -> {
                        groups.computeIfAbsent(rs.getString("group_key"), k -> new Tally()).addCell(rs, 1);
                    });
            for (Pair p : listed) {
                jdbc.sql("SELECT * FROM report_cell WHERE dimension = ? AND support_month = ? AND organisation_id = ?")
                        .params(by.name(), p.month(), p.organisation())
                        .query(rs -> {
                            groups.computeIfAbsent(rs.getString("group_key"), k -> new Tally()).addCell(rs, -1);
                        });
            }
        } else {
            jdbc.sql("SELECT * FROM report_cell WHERE dimension = ? AND support_month >= ? AND support_month <= ? AND organisation_id = ?")
                    .params(by.name(), from.toString(), to.toString(), organisation.value())
                    .query(rs -> {
                        if (!listed.contains(new Pair(rs.getString("support_month").strip(), rs.getLong("organisation_id")))) {
                            groups.computeIfAbsent(rs.getString("group_key"), k -> new Tally()).addCell(rs, 1);
                        }
                    });
        }
        List<TicketFigures> fresh = new ArrayList<>();
        for (Pair p : listed) {
            fresh.addAll(jdbc.sql("SELECT " + TicketFigures.COLUMNS + " FROM report_ticket WHERE " + TicketFigures.COUNTED
                            + " AND support_month = ? AND organisation_id = ?")
                    .params(p.month(), p.organisation()).query(TicketFigures::read).list());
        }
        live.at(fresh, now).forEach(f -> groups.computeIfAbsent(f.key(by), k -> new Tally()).add(f, 1));
        List<TicketFigures> moving = jdbc.sql("SELECT " + TicketFigures.COLUMNS + " FROM report_ticket WHERE live_at < ? AND "
                        + TicketFigures.COUNTED + " AND support_month >= ? AND support_month <= ?" + org)
                .params(Sql.utc(now), from.toString(), to.toString()).query(TicketFigures::read).list()
                .stream().filter(f -> !listed.contains(new Pair(f.month(), f.organisation())) && f.movesBy(now)).toList();
        List<TicketFigures> moved = live.at(moving, now);
        for (int i = 0; i < moving.size(); i++) {
            Tally t = groups.computeIfAbsent(moving.get(i).key(by), k -> new Tally());
            t.add(moving.get(i), -1);
            t.add(moved.get(i), 1);
        }
    }
}
