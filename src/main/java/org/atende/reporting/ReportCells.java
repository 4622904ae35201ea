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
 * transaction. {@link #aggregate} takes what is listed when it begins, many pairs to a transaction, and follows the changed
 * tickets: each one's contribution as last counted ({@code report_cell_ticket}) comes out of the cells, its
 * figures now go in, so the work grows with the changes, not with the month's tickets; each cell concerned is
 * read once and written once a transaction. A pair listed without a ticket (or with more than
 * {@value #WHOLE_ABOVE} changed) is recomputed whole from {@code report_ticket}. Either way the pass then
 * deletes exactly the listings it read: one committed meanwhile stays listed and is taken at the next pass.
 * Readers ({@link #tally}) take a listed pair from {@code report_ticket} instead of its cells, so a report never
 * lags behind the tickets. The aggregation runs on one
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
    /** Listings taken together in one transaction. */
    private static final int LISTINGS_PER_TRANSACTION = 10_000;
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

    /**
     * Recomputes the cells of every (month, organisation) listed when the pass begins; answers how many pairs it took.
     * What is listed later waits for the next pass: under a steady stream of changes a pass that chased them would
     * run one small transaction after another, each reading and writing the same cells again.
     */
    int aggregate() {
        long last = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM report_change").query(Long.class).single();
        if (last == 0) {
            return 0;
        }
        int done = 0;
        int taken;
        while (done < PAIRS_PER_PASS && (taken = transactions.execute(tx -> aggregateSome(last))) > 0) {
            done += taken;
        }
        return done;
    }

    private record Listing(long id, Pair pair, @Nullable Long ticket) {
    }

    /**
     * Takes what is listed, up to {@value #LISTINGS_PER_TRANSACTION} listings, in one transaction: each pair's cells and
     * the cells of every organisation are read once and written once however many of their tickets changed. Past
     * that many listings, the first listed pair alone, with all its listings.
     */
    private int aggregateSome(long last) {
        if (jdbc.sql("SELECT id FROM report_aggregation WHERE id = 1 FOR UPDATE SKIP LOCKED").query(Integer.class).optional().isEmpty()) {
            return 0; // another instance is at it
        }
        List<Listing> listed = jdbc.sql("SELECT id, support_month, organisation_id, ticket_id FROM report_change WHERE id <= ? ORDER BY id LIMIT ?")
                .params(last, LISTINGS_PER_TRANSACTION + 1).query(ReportCells::listing).list();
        if (listed.size() > LISTINGS_PER_TRANSACTION) {
            Pair first = listed.getFirst().pair();
            listed = jdbc.sql("SELECT id, support_month, organisation_id, ticket_id FROM report_change WHERE support_month = ? AND organisation_id = ? AND id <= ?")
                    .params(first.month(), first.organisation(), last).query(ReportCells::listing).list();
        }
        if (listed.isEmpty()) {
            return 0;
        }
        Map<Pair, Set<Long>> changedByPair = new TreeMap<>(PAIR_ORDER);
        Set<Pair> whole = new TreeSet<>(PAIR_ORDER);
        for (Listing l : listed) {
            Set<Long> changed = changedByPair.computeIfAbsent(l.pair(), p -> new TreeSet<>());
            if (l.ticket() == null) {
                whole.add(l.pair());
            } else {
                changed.add(l.ticket());
            }
        }
        Changes changes = new Changes();
        Set<Long> followed = new TreeSet<>();
        changedByPair.forEach((pair, changed) -> {
            if (whole.contains(pair) || changed.size() > WHOLE_ABOVE) {
                recompute(pair, changes);
            } else {
                followed.addAll(changed);
            }
        });
        follow(followed, changes);
        apply(changes.byCells());
        List<Long> ids = listed.stream().map(Listing::id).toList();
        for (int i = 0; i < ids.size(); i += 500) {
            jdbc.sql("DELETE FROM report_change WHERE id IN (:ids)").param("ids", ids.subList(i, Math.min(ids.size(), i + 500))).update();
        }
        jdbc.sql("UPDATE report_aggregation SET aggregated_at = ? WHERE id = 1").param(Sql.utc(clock.instant())).update();
        return changedByPair.size();
    }

    private static Listing listing(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Listing(rs.getLong("id"), new Pair(rs.getString("support_month").strip(), rs.getLong("organisation_id")),
                Sql.nullableLong(rs, "ticket_id"));
    }

    /**
     * Recomputes the pair's cells from all its counted tickets — what they hold now goes out, the recount goes in —
     * and moves the cells of every organisation by the same difference; the figures counted are kept as the
     * tickets' contributions.
     */
    private void recompute(Pair pair, Changes changes) {
        List<TicketFigures> rows = jdbc.sql("SELECT " + TicketFigures.COLUMNS + " FROM report_ticket WHERE " + TicketFigures.COUNTED
                        + " AND support_month = ? AND organisation_id = ?")
                .params(pair.month(), pair.organisation()).query(TicketFigures::read).list();
        for (Dimension by : Dimension.values()) {
            Change change = new Change(new TreeMap<>(), cells(by, pair.month(), pair.organisation()));
            rows.forEach(f -> change.in().computeIfAbsent(f.key(by), k -> new Tally()).add(f, 1));
            changes.add(new Cells(by, pair.month(), pair.organisation()), change);
            changes.add(new Cells(by, pair.month(), ALL), change); // the cells of every organisation take the difference
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
    private void follow(Set<Long> changed, Changes changes) {
        if (changed.isEmpty()) {
            return;
        }
        List<Long> ids = List.copyOf(changed);
        List<TicketFigures> now = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 500) {
            List<Long> some = ids.subList(i, Math.min(ids.size(), i + 500));
            jdbc.sql("SELECT " + TicketFigures.COLUMNS + " FROM report_cell_ticket WHERE ticket_id IN (:ids)")
                    .param("ids", some).query(TicketFigures::read).list().forEach(f -> changes.count(f, false));
            now.addAll(jdbc.sql("SELECT " + TicketFigures.COLUMNS + " FROM report_ticket WHERE " + TicketFigures.COUNTED
                    + " AND ticket_id IN (:ids)").param("ids", some).query(TicketFigures::read).list());
        }
        now.forEach(f -> changes.count(f, true));
        forgetContributions(ids);
        keepContributions(now);
    }

    private static final java.util.Comparator<Pair> PAIR_ORDER = java.util.Comparator.comparing(Pair::month)
            .thenComparingLong(Pair::organisation);

    /** The cells of one dimension of a month and organisation. */
    private record Cells(Dimension by, String month, long organisation) {

        static final java.util.Comparator<Cells> ORDER = java.util.Comparator.comparing(Cells::month)
                .thenComparingLong(Cells::organisation).thenComparing(Cells::by);
    }

    /** What a dimension's groups take in and give up; kept apart, as a histogram holds no negative counts. */
    private record Change(Map<String, Tally> in, Map<String, Tally> out) {

        Change() {
            this(new TreeMap<>(), new TreeMap<>());
        }

        void add(Change other) {
            other.in().forEach((key, t) -> in.computeIfAbsent(key, k -> new Tally()).add(t, 1));
            other.out().forEach((key, t) -> out.computeIfAbsent(key, k -> new Tally()).add(t, 1));
        }
    }

    /** A transaction's changes to cells, gathered so that each cell is read and written once. */
    private static final class Changes {

        private final Map<Cells, Change> byCells = new TreeMap<>(Cells.ORDER);

        void add(Cells cells, Change change) {
            byCells.computeIfAbsent(cells, c -> new Change()).add(change);
        }

        /** A ticket's figures counted in ({@code in}) or out, in its pair's cells and those of every organisation. */
        void count(TicketFigures f, boolean in) {
            for (Dimension by : Dimension.values()) {
                for (long organisation : new long[] {f.organisation(), ALL}) {
                    Change change = byCells.computeIfAbsent(new Cells(by, f.month(), organisation), c -> new Change());
                    (in ? change.in() : change.out()).computeIfAbsent(f.key(by), k -> new Tally()).add(f, 1);
                }
            }
        }

        Map<Cells, Change> byCells() {
            return byCells;
        }
    }

    /**
     * Applies the changes to the cells: the cells concerned read in one query a month, then each group that moved
     * updated, inserted or (left without tickets) deleted, in batches.
     */
    private void apply(Map<Cells, Change> changes) {
        Map<Cells, Map<String, Tally>> stored = new TreeMap<>(Cells.ORDER);
        Map<String, Set<Long>> organisationsByMonth = new TreeMap<>();
        changes.keySet().forEach(c -> organisationsByMonth.computeIfAbsent(c.month(), m -> new TreeSet<>()).add(c.organisation()));
        organisationsByMonth.forEach((month, organisations) -> {
            List<Long> orgs = List.copyOf(organisations);
            for (int i = 0; i < orgs.size(); i += 500) {
                jdbc.sql("SELECT * FROM report_cell WHERE dimension IN (:dimensions) AND support_month = :month AND organisation_id IN (:orgs)")
                        .param("dimensions", java.util.Arrays.stream(Dimension.values()).map(Dimension::name).toList())
                        .param("month", month).param("orgs", orgs.subList(i, Math.min(orgs.size(), i + 500)))
                        .query(rs -> {
                            Cells cells = new Cells(Dimension.valueOf(rs.getString("dimension").strip()), month, rs.getLong("organisation_id"));
                            stored.computeIfAbsent(cells, c -> new TreeMap<>()).computeIfAbsent(rs.getString("group_key"), k -> new Tally())
                                    .addCell(rs, 1);
                        });
            }
        });
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> deletes = new ArrayList<>();
        changes.forEach((cells, change) -> {
            Map<String, Tally> groups = stored.getOrDefault(cells, Map.of());
            Set<String> keys = new TreeSet<>(change.in().keySet());
            keys.addAll(change.out().keySet());
            for (String key : keys) {
                Tally before = groups.get(key);
                Tally t = new Tally();
                if (before != null) {
                    t.add(before, 1);
                }
                if (change.in().containsKey(key)) {
                    t.add(change.in().get(key), 1);
                }
                if (change.out().containsKey(key)) {
                    t.add(change.out().get(key), -1);
                }
                Object[] where = {cells.by().name(), cells.month(), cells.organisation(), key};
                if (t.tickets <= 0) {
                    if (before != null) {
                        deletes.add(where);
                    }
                } else if (before == null) {
                    inserts.add(figures(t, where));
                } else if (!t.sameAs(before)) {
                    updates.add(figures(t, where));
                }
            }
        });
        if (!deletes.isEmpty()) {
            batch.batchUpdate("DELETE FROM report_cell WHERE dimension = ? AND support_month = ? AND organisation_id = ? AND group_key = ?",
                    deletes);
        }
        if (!updates.isEmpty()) {
            batch.batchUpdate("""
                    UPDATE report_cell SET tickets = ?, fr_met = ?, fr_breached = ?, res_met = ?, res_breached = ?, paused_tickets = ?,
                           paused_total = ?, reopened = ?, fr_times = ?, res_times = ?, paused_times = ?
                    WHERE dimension = ? AND support_month = ? AND organisation_id = ? AND group_key = ?""", updates);
        }
        if (!inserts.isEmpty()) {
            batch.batchUpdate("""
                    INSERT INTO report_cell (tickets, fr_met, fr_breached, res_met, res_breached, paused_tickets, paused_total, reopened,
                           fr_times, res_times, paused_times, dimension, support_month, organisation_id, group_key)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", inserts);
        }
    }

    /** A cell's figures followed by the columns that name it, in the order of the statements above. */
    private static Object[] figures(Tally t, Object[] where) {
        return new Object[] {t.tickets, t.firstMet, t.firstBreached, t.resolutionMet, t.resolutionBreached, t.pausedTickets,
                t.pausedTotal, t.reopened, t.first.encode(), t.resolution.encode(), t.paused.encode(), where[0], where[1], where[2],
                where[3]};
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
            Sql.insert(jdbc, "report_cell_ticket (" + TicketFigures.COLUMNS + ")", rows);
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
