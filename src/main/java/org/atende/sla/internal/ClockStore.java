package org.atende.sla.internal;

import static org.atende.sla.internal.CalendarStore.instant;
import static org.atende.sla.internal.CalendarStore.utc;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.atende.operations.TransactionScoped;
import org.atende.sla.ClockFacts;
import org.atende.sla.ClockKind;
import org.atende.sla.ClockReading;
import org.atende.sla.ClockState;
import org.atende.sla.SlaTarget;
import org.atende.tickets.TicketId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code sla_clock} and {@code sla_clock_pause} in explicit SQL. A clock with an {@code excluded_since}
 * (its ticket is technical service) is never claimed by the sweep, nor due for the queue. Row locks are taken on
 * {@code sla_clock} alone (never through a join, which would lock the policy row for every ticket).
 */
@Component
public class ClockStore {

    private static final int IN_LIST = 500;
    private static final String STARTED_HERE = ClockStore.class.getName() + ".startedHere";
    private static final String LOAD = """
            SELECT c.ticket_id, c.kind, c.policy_id, c.calendar_id, c.started_at, c.target_amount, c.target_unit,
                   c.state, c.due_at, c.warn_at, c.stopped_at, c.warned_at, c.breached_at, c.breach_noticed_at, c.excluded_since,
                   pol.warning_percent, cal.updated_at AS calendar_version, p.paused_from, p.paused_to
            FROM sla_clock c
            JOIN sla_policy pol ON pol.id = c.policy_id
            LEFT JOIN calendar_definition cal ON cal.id = c.calendar_id
            LEFT JOIN sla_clock_pause p ON p.ticket_id = c.ticket_id AND p.kind = c.kind
            WHERE c.ticket_id IN (:tickets)
            ORDER BY c.ticket_id, c.kind, p.paused_from, p.id""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ClockStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A clock to insert: its key, terms, start, and its state, due and warning times as read before the insert. */
    public record NewClock(ClockKey key, long policyId, @Nullable Long calendarId, int warningPercent, Instant start,
            SlaTarget target, ClockReading reading) {

        /** The clock as a load right after the insert reads it; only on the support calendar, whose version a row does not carry. */
        StoredClock stored() {
            return new StoredClock(key, policyId, null, null, warningPercent, new ClockFacts(start, target, List.of(), null),
                    reading.state(), reading.dueAt(), reading.warnAt(), null, null, null, null);
        }
    }

    /**
     * Inserts a ticket's new clocks in one statement; none when the ticket has clocks already (a repeated start
     * changes nothing). Answers whether they were inserted.
     */
    public boolean insertAll(List<NewClock> clocks) {
        if (clocks.isEmpty()) {
            return false;
        }
        StringBuilder sql = new StringBuilder("""
                INSERT INTO sla_clock (ticket_id, kind, policy_id, calendar_id, started_at, target_amount, target_unit,
                                       state, due_at, warn_at)
                VALUES """);
        List<Object> params = new java.util.ArrayList<>();
        for (NewClock c : clocks) {
            sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            params.addAll(java.util.Arrays.asList(c.key().ticket().value(), c.key().kind().name(), c.policyId(), c.calendarId(),
                    utc(c.start()), c.target().amount(), c.target().unit().name(), c.reading().state().name(),
                    utc(c.reading().dueAt()), utc(c.reading().warnAt())));
        }
        boolean inserted = jdbc.sql(sql.append(" ON CONFLICT DO NOTHING").toString()).params(params).update() > 0;
        if (inserted) { // known as inserted, unless a clock is on a calendar of its own (its version is read with it)
            boolean supportCalendar = clocks.stream().allMatch(c -> c.calendarId() == null);
            clocks.forEach(c -> startedHere().put(c.key().ticket(), supportCalendar
                    ? clocks.stream().filter(o -> o.key().ticket().equals(c.key().ticket())).map(NewClock::stored).toList() : null));
        }
        return inserted;
    }

    /** The clocks of many tickets with their pauses, in one query; tickets without clocks are left out. */
    public Map<TicketId, List<StoredClock>> load(Collection<TicketId> tickets) {
        Map<TicketId, List<StoredClock>> result = new LinkedHashMap<>();
        Map<TicketId, @Nullable List<StoredClock>> startedHere = startedHere();
        List<Long> ids = tickets.stream().distinct().filter(t -> {
            List<StoredClock> known = startedHere.get(t);
            if (known != null) {
                result.put(t, known);
            }
            return known == null;
        }).map(TicketId::value).toList();
        for (int i = 0; i < ids.size(); i += IN_LIST) {
            List<ClockRows.Row> rows = jdbc.sql(LOAD).param("tickets", ids.subList(i, Math.min(ids.size(), i + IN_LIST)))
                    .query(ClockRows::row).list();
            ClockRows.assemble(rows, result);
        }
        for (Map.Entry<TicketId, @Nullable List<StoredClock>> e : startedHere.entrySet()) {
            if (e.getValue() == null && result.containsKey(e.getKey())) {
                List<StoredClock> read = List.copyOf(result.get(e.getKey()));
                e.setValue(read);
                result.put(e.getKey(), read);
            }
        }
        return result;
    }

    /** Locks a ticket's clocks until the transaction ends (waiting for a sweep that holds them), then loads them. */
    public List<StoredClock> lock(TicketId ticket) {
        jdbc.sql("SELECT kind FROM sla_clock WHERE ticket_id = ? FOR UPDATE").param(ticket.value())
                .query(String.class).list();
        startedHere().replace(ticket, null);
        return load(List.of(ticket)).getOrDefault(ticket, List.of());
    }

    /**
     * The clocks of the tickets whose clocks this transaction inserted, as it last read them (null: not read since it
     * last wrote them). No other transaction sees those clocks before this one commits, so a read stays true until
     * this transaction writes them again: the answer to an opening and the report read model share one read.
     * Empty, and nothing kept, outside a transaction.
     */
    private static Map<TicketId, @Nullable List<StoredClock>> startedHere() {
        return TransactionScoped.value(STARTED_HERE, () -> new HashMap<TicketId, @Nullable List<StoredClock>>()).orElseGet(HashMap::new);
    }

    /** A statement that writes the clock {@code key}: what this transaction read of it is read again next time. */
    private JdbcClient.StatementSpec change(ClockKey key, String sql) {
        startedHere().replace(key.ticket(), null);
        return jdbc.sql(sql);
    }

    /**
     * Claims up to {@code limit} running clocks past their due time and not yet marked breached, skipping
     * clocks another transaction holds; they stay locked until this transaction ends.
     */
    public List<ClockKey> claimOverdue(Instant now, int limit) {
        return claim("breached_at IS NULL AND due_at < :now ORDER BY due_at", now, limit);
    }

    /**
     * Claims up to {@code limit} running clocks at or past their warning time, not yet warned, and not past
     * their due time (those are {@link #claimOverdue}'s: a batch claims each clock once).
     */
    public List<ClockKey> claimWarnable(Instant now, int limit) {
        return claim("warned_at IS NULL AND warn_at <= :now AND due_at >= :now ORDER BY warn_at", now, limit);
    }

    private List<ClockKey> claim(String condition, Instant now, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return jdbc.sql("SELECT ticket_id, kind FROM sla_clock WHERE state = 'RUNNING' AND excluded_since IS NULL AND "
                        + condition
                        + " LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("now", utc(now)).param("limit", limit)
                .query((rs, n) -> new ClockKey(new TicketId(rs.getLong("ticket_id")), ClockKind.valueOf(rs.getString("kind"))))
                .list();
    }

    /** Writes what a reading found: state, due and warning times, and the stop. */
    public void write(ClockKey key, ClockState state, Instant due, Instant warn, @Nullable Instant stoppedAt) {
        change(key, "UPDATE sla_clock SET state = ?, due_at = ?, warn_at = ?, stopped_at = ? WHERE ticket_id = ? AND kind = ?")
                .params(state.name(), utc(due), utc(warn), stoppedAt == null ? null : utc(stoppedAt),
                        key.ticket().value(), key.kind().name())
                .update();
    }

    /** A clock's state, due and warning times as read now (its stop unchanged), for {@link #writeAll}. */
    public record ClockWrite(ClockKey key, ClockState state, Instant due, Instant warn) {
    }

    /** {@link #write} of many clocks (their stops unchanged) in one batch. */
    public void writeAll(List<ClockWrite> writes) {
        writes.forEach(w -> startedHere().replace(w.key().ticket(), null));
        batch.batchUpdate("UPDATE sla_clock SET state = ?, due_at = ?, warn_at = ? WHERE ticket_id = ? AND kind = ?",
                writes.stream().map(w -> new Object[] {w.state().name(), utc(w.due()), utc(w.warn()), w.key().ticket().value(),
                        w.key().kind().name()}).toList());
    }

    /**
     * Sets {@code warned_at} of many clocks unless it is set, in one batch, each written as read now in the same
     * statement (so a clock is updated once); answers, in their order, whether each call set it (a clock already
     * warned is left as it was).
     */
    public boolean[] markWarnedAll(List<ClockWrite> clocks, Instant at) {
        clocks.forEach(w -> startedHere().replace(w.key().ticket(), null));
        return marked(batch.batchUpdate("""
                UPDATE sla_clock SET warned_at = ?, state = ?, due_at = ?, warn_at = ?
                WHERE ticket_id = ? AND kind = ? AND warned_at IS NULL""",
                clocks.stream().map(w -> new Object[] {utc(at), w.state().name(), utc(w.due()), utc(w.warn()), w.key().ticket().value(),
                        w.key().kind().name()}).toList()));
    }

    /** A breach to mark: the clock, the due time it passed (its due time now), its warning time and when the breach was noticed. */
    public record BreachMark(ClockKey key, Instant at, Instant warnAt, Instant noticedAt) {
    }

    /**
     * {@link #markBreached} of many clocks in one batch, each written as read now in the same statement (so a clock
     * is updated once); answers, in their order, whether each call set it (a clock already marked is left as it was).
     */
    public boolean[] markBreachedAll(List<BreachMark> marks) {
        marks.forEach(m -> startedHere().replace(m.key().ticket(), null));
        return marked(batch.batchUpdate("""
                UPDATE sla_clock SET breached_at = ?, breach_noticed_at = ?, state = 'BREACHED', due_at = ?, warn_at = ?
                WHERE ticket_id = ? AND kind = ? AND breached_at IS NULL""",
                marks.stream().map(m -> new Object[] {utc(m.at()), utc(m.noticedAt()), utc(m.at()), utc(m.warnAt()), m.key().ticket().value(),
                        m.key().kind().name()}).toList()));
    }

    private static boolean[] marked(int[] counts) {
        boolean[] set = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            set[i] = counts[i] == 1;
        }
        return set;
    }

    /** Moves a clock to another policy and calendar (null: the support calendar). */
    public void repolicy(ClockKey key, long policyId, @Nullable Long calendarId) {
        change(key, "UPDATE sla_clock SET policy_id = ?, calendar_id = ? WHERE ticket_id = ? AND kind = ?")
                .params(policyId, calendarId, key.ticket().value(), key.kind().name()).update();
    }

    /** Tickets with a clock still counting (neither stopped nor excluded) under this policy. */
    public List<TicketId> runningUnder(long policyId) {
        return jdbc.sql("""
                SELECT DISTINCT ticket_id FROM sla_clock
                WHERE policy_id = ? AND stopped_at IS NULL AND excluded_since IS NULL ORDER BY ticket_id""")
                .param(policyId).query((rs, n) -> new TicketId(rs.getLong(1))).list();
    }

    public void retarget(ClockKey key, SlaTarget target) {
        change(key, "UPDATE sla_clock SET target_amount = ?, target_unit = ? WHERE ticket_id = ? AND kind = ?")
                .params(target.amount(), target.unit().name(), key.ticket().value(), key.kind().name()).update();
    }

    /**
     * Sets {@code breached_at} (the due time the clock passed), {@code breach_noticed_at} and the state
     * BREACHED unless the breach is marked; true when this call set it.
     */
    public boolean markBreached(ClockKey key, Instant at, Instant noticedAt) {
        return change(key, """
                UPDATE sla_clock SET breached_at = ?, breach_noticed_at = ?, state = 'BREACHED'
                WHERE ticket_id = ? AND kind = ? AND breached_at IS NULL""")
                .params(utc(at), utc(noticedAt), key.ticket().value(), key.kind().name()).update() == 1;
    }

    /** A marked breach whose clock's due time moved (new terms, still past it) takes the new due time. */
    public void moveBreach(ClockKey key, Instant at) {
        change(key, "UPDATE sla_clock SET breached_at = ? WHERE ticket_id = ? AND kind = ? AND breached_at IS NOT NULL")
                .params(utc(at), key.ticket().value(), key.kind().name()).update();
    }

    /** Forgets the warning and breach marks (a new target moved the times past now). */
    public void clearMarks(ClockKey key, boolean warned, boolean breached) {
        if (warned) {
            change(key, "UPDATE sla_clock SET warned_at = NULL WHERE ticket_id = ? AND kind = ?")
                    .params(key.ticket().value(), key.kind().name()).update();
        }
        if (breached) {
            change(key, "UPDATE sla_clock SET breached_at = NULL, breach_noticed_at = NULL WHERE ticket_id = ? AND kind = ?")
                    .params(key.ticket().value(), key.kind().name()).update();
        }
    }

    public void addPause(ClockKey key, Instant from, @Nullable Instant to, String reason) {
        change(key, "INSERT INTO sla_clock_pause (ticket_id, kind, paused_from, paused_to, reason) VALUES (?, ?, ?, ?, ?)")
                .params(key.ticket().value(), key.kind().name(), utc(from), to == null ? null : utc(to), reason).update();
    }

    public void closePause(ClockKey key, Instant to) {
        change(key, "UPDATE sla_clock_pause SET paused_to = ? WHERE ticket_id = ? AND kind = ? AND paused_to IS NULL")
                .params(utc(to), key.ticket().value(), key.kind().name()).update();
    }

    /** The earliest due time of a ticket's counting clocks (neither stopped, paused nor excluded), or null. */
    /** Tickets with a counting clock that was warned of or is due by {@code horizon} (see {@code SlaClocks.breachingBy}). */
    public java.util.Set<TicketId> counting(Instant horizon) {
        return new java.util.LinkedHashSet<>(jdbc.sql("""
                SELECT DISTINCT ticket_id FROM sla_clock
                WHERE stopped_at IS NULL AND state <> 'PAUSED' AND excluded_since IS NULL
                  AND (warned_at IS NOT NULL OR due_at <= ?)""")
                .param(utc(horizon)).query((rs, n) -> new TicketId(rs.getLong(1))).list());
    }

    public @Nullable Instant nextDue(TicketId ticket) {
        return jdbc.sql("""
                SELECT MIN(due_at) AS due FROM sla_clock
                WHERE ticket_id = ? AND stopped_at IS NULL AND state <> 'PAUSED' AND excluded_since IS NULL""")
                .param(ticket.value()).query((rs, n) -> instant(rs, "due")).optional().orElse(null);
    }

    /** Marks a clock excluded from the SLA from {@code since} (its ticket became technical service). */
    public void exclude(ClockKey key, Instant since) {
        change(key, "UPDATE sla_clock SET excluded_since = ? WHERE ticket_id = ? AND kind = ? AND excluded_since IS NULL")
                .params(utc(since), key.ticket().value(), key.kind().name()).update();
    }

    /** Takes a clock back into the SLA (its ticket is a support request again). */
    public void include(ClockKey key) {
        change(key, "UPDATE sla_clock SET excluded_since = NULL WHERE ticket_id = ? AND kind = ?")
                .params(key.ticket().value(), key.kind().name()).update();
    }

    /** Since when a ticket's clocks are excluded from the SLA; null when they are not (or it has none). */
    public @Nullable Instant excludedSince(TicketId ticket) {
        return jdbc.sql("SELECT MIN(excluded_since) AS since FROM sla_clock WHERE ticket_id = ?")
                .param(ticket.value()).query((rs, n) -> instant(rs, "since")).optional().orElse(null);
    }

    /**
     * Clocks whose breach was noticed in {@code (from, to]}, by breach time; excluded clocks left out. A
     * breach's time is its due time, which may be long before it was noticed (a late stop, new terms).
     */
    public List<ClockRow> breachedBetween(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT ticket_id, kind, due_at, breached_at AS marked FROM sla_clock
                WHERE breach_noticed_at > ? AND breach_noticed_at <= ? AND excluded_since IS NULL
                ORDER BY breached_at, ticket_id, kind""")
                .params(utc(from), utc(to)).query(ClockStore::markRow).list();
    }

    /** Counting clocks not breached that were warned or are due by {@code horizon}, by due time. */
    public List<ClockRow> atRisk(Instant horizon) {
        return jdbc.sql("""
                SELECT ticket_id, kind, due_at, warned_at AS marked FROM sla_clock
                WHERE state = 'RUNNING' AND stopped_at IS NULL AND excluded_since IS NULL AND breached_at IS NULL
                  AND (warned_at IS NOT NULL OR due_at <= ?) ORDER BY due_at, ticket_id, kind""")
                .param(utc(horizon)).query(ClockStore::markRow).list();
    }

    /** A clock's key with its due time and a mark's time (null when not marked). */
    public record ClockRow(ClockKey key, Instant dueAt, @Nullable Instant markedAt) {
    }

    private static ClockRow markRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ClockRow(new ClockKey(new TicketId(rs.getLong("ticket_id")), ClockKind.valueOf(rs.getString("kind"))),
                instant(rs, "due_at"), instant(rs, "marked"));
    }
}
