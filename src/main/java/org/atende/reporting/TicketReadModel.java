package org.atende.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.atende.customers.Customers;
import org.atende.customers.OrganisationSummary;
import org.atende.customers.Quotas;
import org.atende.sla.ClockKind;
import org.atende.sla.ClockMeasure;
import org.atende.sla.ClockState;
import org.atende.sla.SlaClocks;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketView;
import org.atende.tickets.TimelineEventView;
import org.atende.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a ticket's rows of the read model from what the desk holds now: the ticket, its clocks and its
 * timeline. The same code runs for a live change (in the change's transaction) and for a rebuild (one
 * ticket a transaction), so both write the same rows; writing them twice changes nothing.
 * <p>
 * Each ticket's row is locked first ({@code SELECT ... FOR UPDATE}, or inserted if absent), and only
 * then are the ticket, its timeline, clocks and stored flow rows read and the new rows written. A rebuild and
 * a live change of the same ticket therefore run one after the other: the second waits for the first to commit
 * and reads what it committed, so the flow counters take each difference once. The tickets of one transaction
 * (a sweep batch changes up to hundreds) are locked in id order in one statement, read together and written
 * together; the day counters are changed in (day, organisation) order, so that two writers never wait for each
 * other in a circle.
 */
@Component
class TicketReadModel {

    private static final Set<TicketStatus> DONE = EnumSet.of(TicketStatus.RESOLVED, TicketStatus.CLOSED);

    private static final int IN_LIST = 500;
    /** How many rows a day's flow of one organisation is spread over (see {@link #applyFlow}). */
    static final int FLOW_STRIPES = 16;
    private static final String FLOW_STRIPE = "reporting.flow-stripe";
    /** Transactions take the stripes in turn: of any {@value #FLOW_STRIPES} started one after another on an instance, no two share one. */
    private final java.util.concurrent.atomic.AtomicInteger nextStripe = new java.util.concurrent.atomic.AtomicInteger();

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Tickets tickets;
    private final SlaClocks clocks;
    private final Customers customers;
    private final Quotas quotas;
    private final Clock clock;

    TicketReadModel(JdbcClient jdbc, JdbcTemplate batch, Tickets tickets, SlaClocks clocks, Customers customers, Quotas quotas,
            Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.tickets = tickets;
        this.clocks = clocks;
        this.customers = customers;
        this.quotas = quotas;
        this.clock = clock;
    }

    /** Writes the rows of each ticket (those that exist) as it stands now; call inside a transaction. */
    void refresh(Collection<TicketId> ids) {
        refresh(ids, Hints.NONE);
    }

    /**
     * What the calling transaction knows of the tickets it changed. {@code opened}: it opened them, so no other
     * transaction can see them yet; their row is written whole in one insert from what is read first, and there are
     * no older rows to replace. {@code openedOnly}: of those, the ones it did nothing else to (no event the
     * projection hears but their opening): they are as {@link Tickets#asOpenedHere} has them, and their timeline
     * holds nothing a report reads (every line {@link TicketHistory} takes comes with such an event), so neither is
     * read. {@code ownerOnly}: tickets that changed nothing but their team and agent: their row takes the two from
     * the ticket in one update (their history, clocks and flow are as they were).
     */
    record Hints(Set<TicketId> opened, Set<TicketId> openedOnly, Set<TicketId> ownerOnly) {
        static final Hints NONE = new Hints(Set.of(), Set.of(), Set.of());
    }

    /** Writes the rows of each ticket (those that exist) as it stands now, as {@code hints} allow; call inside a transaction. */
    void refresh(Collection<TicketId> ids, Hints hints) {
        Instant now = clock.instant();
        Map<FlowKey, int[]> flowChange = new TreeMap<>();
        List<TicketView> written = new ArrayList<>();
        List<TicketId> toLock = new ArrayList<>();
        List<TicketId> sorted = new TreeSet<>(ids.stream().map(TicketId::value).toList()).stream().map(TicketId::new).toList();
        Set<TicketId> moved = moveOwners(sorted.stream().filter(id -> hints.ownerOnly().contains(id) && !hints.opened().contains(id)).toList(), now);
        for (TicketId id : sorted) {
            if (moved.contains(id)) {
                continue;
            }
            if (hints.opened().contains(id)) {
                boolean openedOnly = hints.openedOnly().contains(id);
                TicketView t = (openedOnly ? tickets.asOpenedHere(id) : java.util.Optional.<TicketView>empty())
                        .or(() -> tickets.lookup(id)).orElse(null);
                if (t == null) {
                    continue;
                }
                TicketHistory history = TicketHistory.of(t.receivedAt(), openedOnly ? List.of() : tickets.timelineOf(id), quotas.zone());
                List<ClockMeasure> measures = clocks.measure(id, now);
                if (insertWhole(t, history, measures, now)) {
                    Changed opened = new Changed(t, history, measures, true);
                    writeCauses(List.of(opened));
                    writeBreaches(List.of(opened));
                    writeFlows(List.of(opened), Map.of(), flowChange);
                    written.add(t);
                    continue;
                }
            }
            toLock.add(id);
        }
        written.addAll(rewrite(toLock, now, flowChange));
        flowChange.forEach(this::applyFlow);
        listChanged(written);
    }

    /** A ticket whose rows are being written: as read after its row was locked, and whether its row was made now. */
    private record Changed(TicketView ticket, TicketHistory history, List<ClockMeasure> measures, boolean created) {
    }

    /**
     * Rewrites the rows of tickets (in id order) whose row may exist: each row is locked first (made if absent), then
     * the tickets, their timelines, clocks and stored flow rows are read together, as the last writer committed them,
     * and the rows are written together. Answers the tickets written (those that exist).
     */
    private List<TicketView> rewrite(List<TicketId> ids, Instant now, Map<FlowKey, int[]> flowChange) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Set<TicketId> locked = lockRows(ids);
        Map<TicketId, TicketView> views = new HashMap<>(tickets.lookupAll(ids));
        List<TicketView> missing = ids.stream().filter(id -> !locked.contains(id)).map(views::get).filter(java.util.Objects::nonNull).toList();
        Set<TicketId> created = insertEmpty(missing); // a row made now has no event, breach or flow rows yet: nothing to replace
        for (TicketView t : missing) {
            if (!created.contains(t.id())) { // another writer made it meanwhile: wait for it, then read what it committed
                lockRows(List.of(t.id()));
                tickets.lookup(t.id()).ifPresent(v -> views.put(t.id(), v));
            }
        }
        List<TicketId> present = ids.stream().filter(views::containsKey).toList();
        Map<TicketId, List<TimelineEventView>> timelines = tickets.timelinesOf(present);
        Map<TicketId, List<ClockMeasure>> measures = clocks.measure(present, now);
        List<Changed> changed = new ArrayList<>(present.size());
        for (TicketId id : present) {
            TicketView t = views.get(id);
            changed.add(new Changed(t, TicketHistory.of(t.receivedAt(), timelines.getOrDefault(id, List.of()), quotas.zone()),
                    measures.getOrDefault(id, List.of()), created.contains(id)));
        }
        writeTickets(changed, now);
        writeCauses(changed);
        writeBreaches(changed);
        writeFlows(changed, storedFlows(changed), flowChange);
        return changed.stream().map(Changed::ticket).toList();
    }

    /** Lists the tickets whose rows were written for the cells ({@link ReportCells}), in one statement. */
    private void listChanged(List<TicketView> written) {
        if (written.isEmpty()) {
            return;
        }
        List<Object> params = new ArrayList<>();
        for (TicketView t : written) {
            params.addAll(List.of(quotas.monthOf(t.receivedAt()).toString(), t.organisationId().value(), t.id().value()));
        }
        jdbc.sql("INSERT INTO report_change (support_month, organisation_id, ticket_id) VALUES "
                + String.join(", ", java.util.Collections.nCopies(written.size(), "(?, ?, ?)"))).params(params).update();
    }

    /**
     * Sets the rows' team and agent to their tickets' (this transaction changed them, and holds the tickets' rows) and
     * lists them for the cells, the rows locked first in id order; answers the tickets whose row exists (the others
     * have none yet).
     */
    private Set<TicketId> moveOwners(List<TicketId> ids, Instant now) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Set<TicketId> present = lockRows(ids);
        List<Long> rows = ids.stream().filter(present::contains).map(TicketId::value).toList();
        for (int from = 0; from < rows.size(); from += IN_LIST) {
            List<Long> chunk = rows.subList(from, Math.min(rows.size(), from + IN_LIST));
            jdbc.sql("""
                    UPDATE report_ticket SET team_id = (SELECT team_id FROM ticket WHERE id = report_ticket.ticket_id),
                           assignee_id = (SELECT assignee_id FROM ticket WHERE id = report_ticket.ticket_id), updated_at = :now
                    WHERE ticket_id IN (:ids)""").param("now", Sql.utc(now)).param("ids", chunk).update();
            jdbc.sql("INSERT INTO report_change (support_month, organisation_id, ticket_id) "
                    + "SELECT support_month, organisation_id, ticket_id FROM report_ticket WHERE ticket_id IN (:ids)").param("ids", chunk).update();
        }
        return present;
    }

    /** Locks the existing rows of these tickets, in id order; answers the tickets whose row exists. */
    private Set<TicketId> lockRows(List<TicketId> ids) {
        Set<TicketId> found = new HashSet<>();
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            jdbc.sql("SELECT ticket_id FROM report_ticket WHERE ticket_id IN (:ids) ORDER BY ticket_id FOR UPDATE")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + IN_LIST)).stream().map(TicketId::value).toList())
                    .query(Long.class).list().forEach(id -> found.add(new TicketId(id)));
        }
        return found;
    }

    /** Inserts an empty row for each ticket that has none (then this transaction holds it), in one batch; answers the tickets given a row. */
    private Set<TicketId> insertEmpty(List<TicketView> missing) {
        if (missing.isEmpty()) {
            return Set.of();
        }
        int[] inserted = batch.batchUpdate("""
                INSERT INTO report_ticket (ticket_id, ticket_number, organisation_id, channel, priority, ticket_type, technical_service,
                       status, opened_at, support_month, first_response, resolution, paused_seconds, reopen_count, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, TRUE, ?, ?, ?, 'OPEN', 'OPEN', 0, 0, ?) ON CONFLICT DO NOTHING""",
                missing.stream().map(t -> new Object[] {t.id().value(), t.number(), t.organisationId().value(), t.channel().name(),
                        t.priority().name(), t.type().name(), t.status().name(), Sql.utc(t.receivedAt()),
                        quotas.monthOf(t.receivedAt()).toString(), Sql.utc(t.receivedAt())}).toList());
        Set<TicketId> created = new HashSet<>();
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i] == 1) {
                created.add(missing.get(i).id());
            }
        }
        return created;
    }

    /** Updates the tickets' rows in one batch (every row has the same columns). */
    private void writeTickets(List<Changed> changed, Instant now) {
        if (changed.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(changed.size());
        String columns = null;
        for (Changed c : changed) {
            Map<String, Object> row = row(c.ticket(), c.history(), c.measures(), now);
            columns = String.join(" = ?, ", row.keySet());
            List<Object> params = new ArrayList<>(row.values());
            params.add(c.ticket().id().value());
            rows.add(params.toArray());
        }
        batch.batchUpdate("UPDATE report_ticket SET " + columns + " = ? WHERE ticket_id = ?", rows);
    }

    /** Inserts the ticket's whole row unless it exists; true when it was inserted. */
    private boolean insertWhole(TicketView t, TicketHistory history, List<ClockMeasure> measures, Instant now) {
        Map<String, Object> row = row(t, history, measures, now);
        List<Object> params = new ArrayList<>();
        params.add(t.id().value());
        params.addAll(row.values());
        return jdbc.sql("INSERT INTO report_ticket (ticket_id, " + String.join(", ", row.keySet()) + ") VALUES (?"
                + ", ?".repeat(row.size()) + ") ON CONFLICT DO NOTHING").params(params).update() == 1;
    }

    /** The ticket's row, column by column, as the ticket, its history and its clocks say now. */
    private Map<String, Object> row(TicketView t, TicketHistory history, List<ClockMeasure> measures, Instant now) {
        ClockMeasure first = kind(measures, ClockKind.FIRST_RESPONSE);
        ClockMeasure resolution = kind(measures, ClockKind.RESOLUTION);
        Long plan = customers.organisation(t.organisationId()).map(OrganisationSummary::planId).map(p -> p.value()).orElse(null);
        boolean technicalService = !t.type().isSupport() || measures.stream().anyMatch(m -> m.excludedSince() != null);
        Instant firstDue = runningDue(first);
        Instant resolutionDue = runningDue(resolution);
        Instant pausedSince = resolution == null || resolution.stopped() || resolution.excludedSince() != null ? null : resolution.pausedSince();
        Instant liveAt = earliest(earliest(firstDue, resolutionDue), pausedSince);
        long paused = resolution == null ? 0 : resolution.pausedSeconds();
        if (pausedSince != null) { // the pauses that ended; the running one is read live, so the row does not depend on when it was written
            paused = clocks.measure(t.id(), pausedSince).stream().filter(m -> m.kind() == ClockKind.RESOLUTION)
                    .mapToLong(ClockMeasure::pausedSeconds).findFirst().orElse(0);
        }
        Map<String, Object> row = new LinkedHashMap<>(); // values may be null: not Map.of
        row.put("ticket_number", t.number());
        row.put("organisation_id", t.organisationId().value());
        row.put("plan_id", plan);
        row.put("team_id", t.teamId() == null ? null : t.teamId().value());
        row.put("assignee_id", t.assigneeId() == null ? null : t.assigneeId().value());
        row.put("channel", t.channel().name());
        row.put("priority", t.priority().name());
        row.put("ticket_type", t.type().name());
        row.put("technical_service", technicalService);
        row.put("status", t.status().name());
        row.put("opened_at", Sql.utc(t.receivedAt()));
        row.put("support_month", quotas.monthOf(t.receivedAt()).toString());
        row.put("first_response", outcome(first).name());
        row.put("first_response_seconds", seconds(first));
        row.put("resolution", outcome(resolution).name());
        row.put("resolution_seconds", seconds(resolution));
        row.put("paused_seconds", paused);
        row.put("reopen_count", history.reopenings());
        row.put("resolved_at", Sql.utc(DONE.contains(t.status()) ? t.resolvedAt() : null));
        row.put("updated_at", Sql.utc(now));
        row.put("closed_as", t.closedAs() == null ? null : t.closedAs().name());
        row.put("waited", history.waited());
        row.put("paused_since", Sql.utc(pausedSince));
        row.put("first_response_due", Sql.utc(firstDue));
        row.put("resolution_due", Sql.utc(resolutionDue));
        row.put("live_at", Sql.utc(liveAt));
        return row;
    }

    /** Replaces the tickets' causes (those made now have none to replace). */
    private void writeCauses(List<Changed> changed) {
        delete("report_ticket_event", replaced(changed));
        List<Object[]> rows = new ArrayList<>();
        for (Changed c : changed) {
            for (TicketHistory.Cause cause : c.history().causes()) {
                rows.add(new Object[] {c.ticket().id().value(), Sql.utc(cause.at()), cause.kind(), cut(cause.detail(), 500),
                        cut(cause.before(), 60), cut(cause.after(), 60)});
            }
        }
        Sql.insert(jdbc, "report_ticket_event (ticket_id, happened_at, kind, detail, before_value, after_value)", rows);
    }

    /** Every clock past its target: breached at its due time, whether it has stopped or still runs. */
    private void writeBreaches(List<Changed> changed) {
        delete("report_breach", replaced(changed));
        List<Object[]> rows = new ArrayList<>();
        for (Changed c : changed) {
            TicketView t = c.ticket();
            for (ClockMeasure m : c.measures()) {
                if (m.breachedAt() != null) {
                    rows.add(new Object[] {t.id().value(), m.kind().name(), t.organisationId().value(),
                            quotas.monthOf(t.receivedAt()).toString(), Sql.utc(m.dueAt()), Sql.utc(m.breachedAt()),
                            Sql.utc(m.breachNoticedAt())});
                }
            }
        }
        Sql.insert(jdbc, "report_breach (ticket_id, clock_kind, organisation_id, support_month, due_at, breached_at, noticed_at)", rows);
    }

    /** The flow rows stored for the tickets whose rows existed before, by ticket and day. */
    private Map<TicketId, Map<LocalDate, int[]>> storedFlows(List<Changed> changed) {
        Map<TicketId, Map<LocalDate, int[]>> stored = new HashMap<>();
        List<Long> ids = replaced(changed);
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            jdbc.sql("SELECT ticket_id, flow_day, opened, resolved, reopened, waiting_change, backlog_change FROM report_ticket_flow WHERE ticket_id IN (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + IN_LIST)))
                    .query(rs -> {
                        stored.computeIfAbsent(new TicketId(rs.getLong("ticket_id")), k -> new TreeMap<>()).put(rs.getObject("flow_day", LocalDate.class),
                                new int[] {rs.getInt("opened"), rs.getInt("resolved"), rs.getInt("reopened"), rs.getInt("waiting_change"),
                                        rs.getInt("backlog_change")});
                    });
        }
        return stored;
    }

    /** Replaces the flow rows of the tickets whose flow changed and adds the differences to {@code change}, per day and organisation. */
    private void writeFlows(List<Changed> changed, Map<TicketId, Map<LocalDate, int[]>> storedFlows, Map<FlowKey, int[]> change) {
        List<Long> replaced = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (Changed c : changed) {
            TicketView t = c.ticket();
            long org = t.organisationId().value();
            Map<LocalDate, int[]> stored = storedFlows.getOrDefault(t.id(), Map.of());
            Map<LocalDate, int[]> flow = c.history().flow();
            if (sameFlow(stored, flow)) {
                continue;
            }
            stored.forEach((day, v) -> add(change, new FlowKey(day, org), v, -1));
            flow.forEach((day, v) -> add(change, new FlowKey(day, org), v, 1));
            if (!c.created()) {
                replaced.add(t.id().value());
            }
            flow.forEach((day, v) -> rows.add(new Object[] {t.id().value(), day, org, v[0], v[1], v[2], v[3], v[4]}));
        }
        delete("report_ticket_flow", replaced);
        Sql.insert(jdbc, "report_ticket_flow (ticket_id, flow_day, organisation_id, opened, resolved, reopened, waiting_change, backlog_change)", rows);
    }

    /** The tickets whose rows existed before this write (their event, breach and flow rows are replaced). */
    private static List<Long> replaced(List<Changed> changed) {
        return changed.stream().filter(c -> !c.created()).map(c -> c.ticket().id().value()).toList();
    }

    private void delete(String table, List<Long> tickets) {
        for (int from = 0; from < tickets.size(); from += IN_LIST) {
            jdbc.sql("DELETE FROM " + table + " WHERE ticket_id IN (:ids)")
                    .param("ids", tickets.subList(from, Math.min(tickets.size(), from + IN_LIST))).update();
        }
    }

    /**
     * Adds to the day's counters, in one of the day's {@value #FLOW_STRIPES} rows (stripes), taken in turn once per transaction;
     * the row is made first only when it is missing. Every ticket an organisation opens in a day adds to its day: with
     * one row, each such transaction held that row's lock from its update to its commit, and an organisation's intake
     * went one ticket at a time. Readers sum the stripes. One stripe for a whole transaction keeps its locks in
     * (day, organisation) order, as with one row a day, so two transactions never wait on each other crosswise.
     */
    private void applyFlow(FlowKey key, int[] v) {
        if (java.util.Arrays.stream(v).allMatch(x -> x == 0)) {
            return;
        }
        int stripe = org.atende.operations.TransactionScoped.value(FLOW_STRIPE,
                () -> Math.floorMod(nextStripe.getAndIncrement(), FLOW_STRIPES)).orElse(0);
        if (addFlow(key, stripe, v) == 0) {
            jdbc.sql("INSERT INTO report_flow_day (flow_day, organisation_id, stripe) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(key.day(), key.organisation(), stripe).update();
            addFlow(key, stripe, v);
        }
    }

    private int addFlow(FlowKey key, int stripe, int[] v) {
        return jdbc.sql("""
                UPDATE report_flow_day SET opened = opened + ?, resolved = resolved + ?, reopened = reopened + ?,
                       waiting_change = waiting_change + ?, backlog_change = backlog_change + ?
                WHERE flow_day = ? AND organisation_id = ? AND stripe = ?""")
                .params(v[0], v[1], v[2], v[3], v[4], key.day(), key.organisation(), stripe).update();
    }

    record FlowKey(LocalDate day, long organisation) implements Comparable<FlowKey> {
        @Override
        public int compareTo(FlowKey o) {
            int byDay = day.compareTo(o.day);
            return byDay != 0 ? byDay : Long.compare(organisation, o.organisation);
        }
    }

    private static void add(Map<FlowKey, int[]> change, FlowKey key, int[] v, int sign) {
        int[] sum = change.computeIfAbsent(key, k -> new int[5]);
        for (int i = 0; i < 5; i++) {
            sum[i] += sign * v[i];
        }
    }

    private static boolean sameFlow(Map<LocalDate, int[]> a, Map<LocalDate, int[]> b) {
        return a.size() == b.size() && a.entrySet().stream().allMatch(e -> b.containsKey(e.getKey())
                && java.util.Arrays.equals(e.getValue(), b.get(e.getKey())));
    }

    private static @Nullable ClockMeasure kind(List<ClockMeasure> measures, ClockKind kind) {
        return measures.stream().filter(m -> m.kind() == kind).findFirst().orElse(null);
    }

    /** A clock's due time while it counts towards it (running, not paused, not excluded, not yet past it). */
    private static @Nullable Instant runningDue(@Nullable ClockMeasure m) {
        return m == null || m.stopped() || m.excludedSince() != null || m.state() != ClockState.RUNNING ? null : m.dueAt();
    }

    static ClockOutcome outcome(@Nullable ClockMeasure m) {
        if (m == null) {
            return ClockOutcome.OPEN;
        }
        return m.state() == ClockState.MET ? ClockOutcome.MET
                : m.state() == ClockState.BREACHED ? ClockOutcome.BREACHED : ClockOutcome.OPEN;
    }

    /** Business seconds to the clock's stop; none while it runs (or runs again after a reopening). */
    private static @Nullable Long seconds(@Nullable ClockMeasure m) {
        return m != null && m.stopped() ? m.elapsedSeconds() : null;
    }

    private static @Nullable Instant earliest(@Nullable Instant a, @Nullable Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static @Nullable String cut(@Nullable String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
