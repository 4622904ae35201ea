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
import java.util.TreeSet;

import org.atende.customers.OrganisationId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Compliance pre-aggregated per month, organisation, dimension and group ({@code report_cell}): counts,
 * sums and histograms of the business times ({@link Times}), so that a year across every organisation
 * reads a few thousand cells instead of a million tickets.
 * <p>
 * A ticket's change lists the ticket with its (month, organisation) in {@code report_change}, in the change's
 * transaction. {@link #aggregate} takes one listed pair per transaction and follows its changed tickets: each
 * one's contribution as last counted ({@code report_cell_ticket}) comes out of the cells, its figures now go in,
 * so the work grows with the changes, not with the month's tickets. A pair listed without a ticket (or with
 * more than {@value #WHOLE_ABOVE} changed) is recomputed whole from {@code report_ticket}. Either way the
 * pass then deletes exactly the listings it read: one committed meanwhile stays listed and is taken at the
 * next pass. Readers ({@link #tally}) take a listed pair from {@code report_ticket}
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
    /** More changed tickets than this in one pair: recompute the pair whole rather than follow each one. */
    private static final int WHOLE_ABOVE = 5_000;
    /** The organisation of the cells that hold every organisation (ids start at 1). */
    static final long ALL = 0;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final LiveFigures live;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ReportCells(JdbcClient jdbc, JdbcTemplate batch, LiveFigures live, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
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
        List<Long> listed = new ArrayList<>();
        Set<Long> changed = new TreeSet<>();
        boolean whole = false;
        for (Object[] row : jdbc.sql("SELECT id, ticket_id FROM report_change WHERE support_month = ? AND organisation_id = ?")
                .params(pair.month(), pair.organisation()).query((rs, n) -> new Object[] {rs.getLong(1), Sql.nullableLong(rs, "ticket_id")})
                .list()) {
            listed.add((Long) row[0]);
            whole |= row[1] == null;
            if (row[1] != null) {
                changed.add((Long) row[1]);
            }
        }
        if (whole || changed.size() > WHOLE_ABOVE) {
            recompute(pair);
        } else {
            follow(changed);
        }
        for (int i = 0; i < listed.size(); i += 500) {
            jdbc.sql("DELETE FROM report_change WHERE id IN (:ids)").param("ids", listed.subList(i, Math.min(listed.size(), i + 500)))
                    .update();
        }
        jdbc.sql("UPDATE report_aggregation SET aggregated_at = ? WHERE id = 1").param(Sql.utc(clock.instant())).update();
        return true;
    }

    /**
     * Recomputes the pair's cells from all its counted tickets, and the cells of every organisation by the
     * difference; the figures counted are kept as the tickets' contributions.
     */
    private void recompute(Pair pair) {
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
            addTo(by, pair.month(), ALL, new Change(groups, before)); // the cells of every organisation take the difference
        }
        jdbc.sql("DELETE FROM report_cell_ticket WHERE support_month = ? AND organisation_id = ?").params(pair.month(), pair.organisation())
                .update();
        forgetContributions(rows.stream().map(TicketFigures::ticketId).toList()); // any kept under another pair
        keepContributions(rows);
    }

    /**
     * Moves the cells by the changed tickets alone: each one's contribution as last counted (kept in
     * {@code report_cell_ticket}) taken out, its figures now (if it still counts) put in, in the cells of its pair
     * and of every organisation. The figures are kept as read here, not read again, so that what is kept is what
     * the cells hold even if a ticket changes meanwhile (that change is listed, and taken at the next pass).
     */
    private void follow(Set<Long> changed) {
        List<Long> ids = List.copyOf(changed);
        List<TicketFigures> before = new ArrayList<>();
        List<TicketFigures> now = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 500) {
            List<Long> some = ids.subList(i, Math.min(ids.size(), i + 500));
            before.addAll(jdbc.sql("SELECT " + TicketFigures.COLUMNS + " FROM report_cell_ticket WHERE ticket_id IN (:ids)")
                    .param("ids", some).query(TicketFigures::read).list());
            now.addAll(jdbc.sql("SELECT " + TicketFigures.COLUMNS + " FROM report_ticket WHERE " + TicketFigures.COUNTED
                    + " AND ticket_id IN (:ids)").param("ids", some).query(TicketFigures::read).list());
        }
        Map<Pair, Map<Dimension, Change>> changes = new TreeMap<>(PAIR_ORDER);
        before.forEach(f -> add(changes, f, false));
        now.forEach(f -> add(changes, f, true));
        changes.forEach((pair, byDimension) -> byDimension.forEach((by, change) -> {
            addTo(by, pair.month(), pair.organisation(), change);
            addTo(by, pair.month(), ALL, change);
        }));
        forgetContributions(ids);
        keepContributions(now);
    }

    private static final java.util.Comparator<Pair> PAIR_ORDER = java.util.Comparator.comparing(Pair::month)
            .thenComparingLong(Pair::organisation);

    /** What a dimension's groups take in and give up; kept apart, as a histogram holds no negative counts. */
    private record Change(Map<String, Tally> in, Map<String, Tally> out) {

        Change() {
            this(new TreeMap<>(), new TreeMap<>());
        }
    }

    private static void add(Map<Pair, Map<Dimension, Change>> changes, TicketFigures f, boolean in) {
        Map<Dimension, Change> byDimension = changes.computeIfAbsent(new Pair(f.month(), f.organisation()),
                p -> new java.util.EnumMap<>(Dimension.class));
        for (Dimension by : Dimension.values()) {
            Change change = byDimension.computeIfAbsent(by, d -> new Change());
            (in ? change.in() : change.out()).computeIfAbsent(f.key(by), k -> new Tally()).add(f, 1);
        }
    }

    /** Applies {@code change} to the cells of a month and organisation, group by group; a group left without tickets goes. */
    private void addTo(Dimension by, String month, long organisation, Change change) {
        Map<String, Tally> cells = cells(by, month, organisation);
        Set<String> keys = new TreeSet<>(change.in().keySet());
        keys.addAll(change.out().keySet());
        for (String key : keys) {
            Tally t = cells.getOrDefault(key, new Tally());
            if (change.in().containsKey(key)) {
                t.add(change.in().get(key), 1);
            }
            if (change.out().containsKey(key)) {
                t.add(change.out().get(key), -1);
            }
            jdbc.sql("DELETE FROM report_cell WHERE dimension = ? AND support_month = ? AND organisation_id = ? AND group_key = ?")
                    .params(by.name(), month, organisation, key).update();
            if (t.tickets > 0) {
                insert(by, month, organisation, key, t);
            }
        }
    }

    private void forgetContributions(List<Long> tickets) {
        for (int i = 0; i < tickets.size(); i += 500) {
            jdbc.sql("DELETE FROM report_cell_ticket WHERE ticket_id IN (:ids)").param("ids", tickets.subList(i, Math.min(tickets.size(), i + 500)))
                    .update();
        }
    }

    /** Keeps each ticket's figures as the cells now count them. */
    private void keepContributions(List<TicketFigures> counted) {
        List<Object[]> rows = counted.stream().map(f -> new Object[] {f.ticketId(), f.month(), f.organisation(), f.priority(), f.plan(),
                f.team(), f.agent(), f.channel(), f.first().name(), f.firstSeconds(), f.resolution().name(), f.resolutionSeconds(),
                f.pausedSeconds(), f.reopened() ? 1 : 0, f.status(), f.waited(), Sql.utc(f.firstDue()), Sql.utc(f.resolutionDue()),
                Sql.utc(f.pausedSince())}).toList();
        if (!rows.isEmpty()) {
            batch.batchUpdate("INSERT INTO report_cell_ticket (" + TicketFigures.COLUMNS + ") VALUES (" + "?, ".repeat(18) + "?)", rows);
        }
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
