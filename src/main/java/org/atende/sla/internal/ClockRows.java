package org.atende.sla.internal;

import static org.atende.sla.internal.CalendarStore.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.atende.sla.ClockFacts;
import org.atende.sla.ClockKind;
import org.atende.sla.ClockState;
import org.atende.sla.Pause;
import org.atende.sla.SlaTarget;
import org.atende.sla.TargetUnit;
import org.atende.tickets.TicketId;
import org.jspecify.annotations.Nullable;

/** Turns the rows of {@link ClockStore}'s load query (a clock joined with each of its pauses) into stored clocks. */
final class ClockRows {

    private ClockRows() {
    }

    record Row(ClockKey key, long policyId, @Nullable Long calendarId, @Nullable Instant calendarVersion,
            int warningPercent, Instant start, SlaTarget target, ClockState state, Instant due, Instant warn,
            @Nullable Instant stopped, @Nullable Instant warned, @Nullable Instant breached, @Nullable Instant noticed,
            @Nullable Instant excluded,
            @Nullable Pause pause) {
    }

    static Row row(ResultSet rs, int n) throws SQLException {
        Instant from = instant(rs, "paused_from");
        long calendar = rs.getLong("calendar_id");
        Long calendarId = rs.wasNull() ? null : calendar;
        return new Row(new ClockKey(new TicketId(rs.getLong("ticket_id")), ClockKind.valueOf(rs.getString("kind"))),
                rs.getLong("policy_id"), calendarId, instant(rs, "calendar_version"), rs.getInt("warning_percent"),
                instant(rs, "started_at"), new SlaTarget(rs.getInt("target_amount"), TargetUnit.valueOf(rs.getString("target_unit"))),
                ClockState.valueOf(rs.getString("state")), instant(rs, "due_at"), instant(rs, "warn_at"),
                instant(rs, "stopped_at"), instant(rs, "warned_at"), instant(rs, "breached_at"), instant(rs, "breach_noticed_at"),
                instant(rs, "excluded_since"),
                from == null ? null : new Pause(from, instant(rs, "paused_to")));
    }

    static void assemble(List<Row> rows, Map<TicketId, List<StoredClock>> into) {
        int i = 0;
        while (i < rows.size()) {
            Row first = rows.get(i);
            List<Pause> pauses = new ArrayList<>();
            while (i < rows.size() && rows.get(i).key().equals(first.key())) {
                if (rows.get(i).pause() != null) {
                    pauses.add(Objects.requireNonNull(rows.get(i).pause()));
                }
                i++;
            }
            var facts = new ClockFacts(first.start(), first.target(), pauses, first.stopped());
            into.computeIfAbsent(first.key().ticket(), t -> new ArrayList<>()).add(new StoredClock(first.key(),
                    first.policyId(), first.calendarId(), first.calendarVersion(), first.warningPercent(), facts,
                    first.state(), first.due(), first.warn(), first.warned(), first.breached(), first.noticed(), first.excluded()));
        }
    }
}
