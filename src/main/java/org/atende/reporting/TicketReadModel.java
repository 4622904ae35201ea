package org.atende.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
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
import org.atende.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a ticket's rows of the read model from what the desk holds now: the ticket, its clocks and its
 * timeline. The same code runs for a live change (in the change's transaction) and for a rebuild (one
 * ticket a transaction), so both write the same rows; writing them twice changes nothing.
 * <p>
 * Each ticket's row is locked first (inserted if absent, then {@code SELECT ... FOR UPDATE}), and only
 * then are the ticket's stored flow rows read and the new ones written. A rebuild and a live change of
 * the same ticket therefore run one after the other: the second waits for the first to commit and reads
 * what it committed, so the flow counters take each difference once. Several tickets are taken in id
 * order and the day counters are changed in (day, organisation) order, so that two writers never wait
 * for each other in a circle.
 */
@Component
class TicketReadModel {

    private static final Set<TicketStatus> DONE = EnumSet.of(TicketStatus.RESOLVED, TicketStatus.CLOSED);

    private final JdbcClient jdbc;
    private final Tickets tickets;
    private final SlaClocks clocks;
    private final Customers customers;
    private final Quotas quotas;
    private final Clock clock;

    TicketReadModel(JdbcClient jdbc, Tickets tickets, SlaClocks clocks, Customers customers, Quotas quotas, Clock clock) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.clocks = clocks;
        this.customers = customers;
        this.quotas = quotas;
        this.clock = clock;
    }

    /** Writes the rows of each ticket (those that exist) as it stands now; call inside a transaction. */
    void refresh(Collection<TicketId> ids) {
        Instant now = clock.instant();
        Map<FlowKey, int[]> flowChange = new TreeMap<>();
        Set<String> pairs = new TreeSet<>();
        for (TicketId id : new TreeSet<>(ids.stream().map(TicketId::value).toList()).stream().map(TicketId::new).toList()) {
            TicketView t = tickets.lookup(id).orElse(null);
            if (t == null) {
                continue;
            }
            boolean created = lock(t); // a row created now has no event, breach or flow rows yet: nothing to replace
            TicketHistory history = TicketHistory.of(t.receivedAt(), tickets.timelineOf(id), quotas.zone());
            List<ClockMeasure> measures = clocks.measure(id, now);
            writeTicket(t, history, measures, now);
            writeCauses(id, history, created);
            writeBreaches(t, measures, created);
            diffFlow(t, history, flowChange, created);
            pairs.add(quotas.monthOf(t.receivedAt()) + "/" + t.organisationId().value());
        }
        flowChange.forEach(this::applyFlow);
        for (String pair : pairs) {
            String[] p = pair.split("/");
            jdbc.sql("INSERT INTO report_change (support_month, organisation_id) VALUES (?, ?)").params(p[0], Long.parseLong(p[1])).update();
        }
    }

    /**
     * Inserts the ticket's row if absent (then this transaction holds it), else locks it. True when it was
     * inserted now.
     */
    private boolean lock(TicketView t) {
        int inserted = jdbc.sql("""
                INSERT INTO report_ticket (ticket_id, ticket_number, organisation_id, channel, priority, ticket_type, technical_service,
                       status, opened_at, support_month, first_response, resolution, paused_seconds, reopen_count, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, TRUE, ?, ?, ?, 'OPEN', 'OPEN', 0, 0, ?) ON CONFLICT DO NOTHING""")
                .params(t.id().value(), t.number(), t.organisationId().value(), t.channel().name(), t.priority().name(),
                        t.type().name(), t.status().name(), Sql.utc(t.receivedAt()), quotas.monthOf(t.receivedAt()).toString(),
                        Sql.utc(t.receivedAt()))
                .update();
        if (inserted == 0) {
            jdbc.sql("SELECT ticket_id FROM report_ticket WHERE ticket_id = ? FOR UPDATE").param(t.id().value()).query(Long.class).list();
        }
        return inserted == 1;
    }

    private void writeTicket(TicketView t, TicketHistory history, List<ClockMeasure> measures, Instant now) {
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
        jdbc.sql("""
                UPDATE report_ticket SET ticket_number = ?, organisation_id = ?, plan_id = ?, team_id = ?, assignee_id = ?, channel = ?,
                       priority = ?, ticket_type = ?, technical_service = ?, status = ?, opened_at = ?, support_month = ?,
                       first_response = ?, first_response_seconds = ?, resolution = ?, resolution_seconds = ?,
                       paused_seconds = ?, reopen_count = ?, resolved_at = ?, updated_at = ?, closed_as = ?, waited = ?,
                       paused_since = ?, first_response_due = ?, resolution_due = ?, live_at = ?
                WHERE ticket_id = ?""")
                .params(t.number(), t.organisationId().value(), plan, t.teamId() == null ? null : t.teamId().value(),
                        t.assigneeId() == null ? null : t.assigneeId().value(), t.channel().name(), t.priority().name(),
                        t.type().name(), technicalService, t.status().name(), Sql.utc(t.receivedAt()),
                        quotas.monthOf(t.receivedAt()).toString(), outcome(first).name(), seconds(first), outcome(resolution).name(),
                        seconds(resolution), paused, history.reopenings(),
                        Sql.utc(DONE.contains(t.status()) ? t.resolvedAt() : null), Sql.utc(now),
                        t.closedAs() == null ? null : t.closedAs().name(), history.waited(), Sql.utc(pausedSince),
                        Sql.utc(firstDue), Sql.utc(resolutionDue), Sql.utc(liveAt), t.id().value())
                .update();
    }

    private void writeCauses(TicketId id, TicketHistory history, boolean created) {
        if (!created) {
            jdbc.sql("DELETE FROM report_ticket_event WHERE ticket_id = ?").param(id.value()).update();
        }
        for (TicketHistory.Cause c : history.causes()) {
            jdbc.sql("INSERT INTO report_ticket_event (ticket_id, happened_at, kind, detail, before_value, after_value) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(id.value(), Sql.utc(c.at()), c.kind(), cut(c.detail(), 500), cut(c.before(), 60), cut(c.after(), 60))
                    .update();
        }
    }

    /** Every clock past its target: breached at its due time, whether it has stopped or still runs. */
    private void writeBreaches(TicketView t, List<ClockMeasure> measures, boolean created) {
        if (!created) {
            jdbc.sql("DELETE FROM report_breach WHERE ticket_id = ?").param(t.id().value()).update();
        }
        for (ClockMeasure m : measures) {
            if (m.breachedAt() == null) {
                continue;
            }
            jdbc.sql("""
                    INSERT INTO report_breach (ticket_id, clock_kind, organisation_id, support_month, due_at, breached_at, noticed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(t.id().value(), m.kind().name(), t.organisationId().value(), quotas.monthOf(t.receivedAt()).toString(),
                            Sql.utc(m.dueAt()), Sql.utc(m.breachedAt()), Sql.utc(m.breachNoticedAt()))
                    .update();
        }
    }

    /** Replaces the ticket's flow rows and adds the difference to {@code change}, per day and organisation. */
    private void diffFlow(TicketView t, TicketHistory history, Map<FlowKey, int[]> change, boolean created) {
        long org = t.organisationId().value();
        Map<LocalDate, int[]> stored = new TreeMap<>();
        if (!created) {
            jdbc.sql("SELECT flow_day, opened, resolved, reopened, waiting_change, backlog_change FROM report_ticket_flow WHERE ticket_id = ?")
                    .param(t.id().value())
                    .query((rs, n) -> Map.entry(rs.getObject("flow_day", LocalDate.class), new int[] {rs.getInt("opened"),
                            rs.getInt("resolved"), rs.getInt("reopened"), rs.getInt("waiting_change"), rs.getInt("backlog_change")}))
                    .list().forEach(e -> stored.put(e.getKey(), e.getValue()));
        }
        if (sameFlow(stored, history.flow())) {
            return;
        }
        stored.forEach((day, v) -> add(change, new FlowKey(day, org), v, -1));
        history.flow().forEach((day, v) -> add(change, new FlowKey(day, org), v, 1));
        if (!created) {
            jdbc.sql("DELETE FROM report_ticket_flow WHERE ticket_id = ?").param(t.id().value()).update();
        }
        history.flow().forEach((day, v) -> jdbc.sql("""
                INSERT INTO report_ticket_flow (ticket_id, flow_day, organisation_id, opened, resolved, reopened, waiting_change, backlog_change)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""").params(t.id().value(), day, org, v[0], v[1], v[2], v[3], v[4]).update());
    }

    private void applyFlow(FlowKey key, int[] v) {
        if (java.util.Arrays.stream(v).allMatch(x -> x == 0)) {
            return;
        }
        jdbc.sql("INSERT INTO report_flow_day (flow_day, organisation_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(key.day(), key.organisation()).update();
        jdbc.sql("""
                UPDATE report_flow_day SET opened = opened + ?, resolved = resolved + ?, reopened = reopened + ?,
                       waiting_change = waiting_change + ?, backlog_change = backlog_change + ?
                WHERE flow_day = ? AND organisation_id = ?""")
                .params(v[0], v[1], v[2], v[3], v[4], key.day(), key.organisation()).update();
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
