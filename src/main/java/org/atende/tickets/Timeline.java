package org.atende.tickets;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.atende.identity.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The append-only audit trail of tickets. */
@Component
class Timeline {

    private final JdbcClient jdbc;

    Timeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void append(TicketId ticket, TimelineEntry e) {
        appendAll(List.of(Map.entry(ticket, e)));
    }

    /** Appends the entries in one statement per 500, in the order given (their ids follow it). */
    void appendAll(List<Map.Entry<TicketId, TimelineEntry>> entries) {
        for (int from = 0; from < entries.size(); from += 500) {
            List<Map.Entry<TicketId, TimelineEntry>> chunk = entries.subList(from, Math.min(entries.size(), from + 500));
            List<Object> params = new ArrayList<>(chunk.size() * 9);
            for (Map.Entry<TicketId, TimelineEntry> c : chunk) {
                TimelineEntry e = c.getValue();
                params.addAll(java.util.Arrays.asList(c.getKey().value(), Timestamp.from(e.at()),
                        e.actorUserId() == null ? null : e.actorUserId().value(), e.actor(), e.kind(), e.field(), e.before(),
                        e.after(), e.detail()));
            }
            jdbc.sql("INSERT INTO timeline_event (ticket_id, occurred_at, actor_user_id, actor, kind, field, before_value, after_value, detail) VALUES "
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?)"))).params(params).update();
        }
    }

    List<TimelineEventView> of(TicketId ticket) {
        return of(List.of(ticket)).getOrDefault(ticket, List.of());
    }

    /** The timelines of many tickets, each in the order it was written (ids in chunks of 500). */
    Map<TicketId, List<TimelineEventView>> of(Collection<TicketId> tickets) {
        Map<TicketId, List<TimelineEventView>> found = new HashMap<>();
        List<Long> ids = tickets.stream().map(TicketId::value).distinct().toList();
        for (int from = 0; from < ids.size(); from += 500) {
            jdbc.sql("""
                    SELECT ticket_id, id, occurred_at, actor_user_id, actor, kind, field, before_value, after_value, detail
                    FROM timeline_event WHERE ticket_id IN (:tickets) ORDER BY ticket_id, id""")
                    .param("tickets", ids.subList(from, Math.min(ids.size(), from + 500)))
                    .query(rs -> {
                        long actor = rs.getLong("actor_user_id");
                        UserId actorId = rs.wasNull() ? null : new UserId(actor);
                        found.computeIfAbsent(new TicketId(rs.getLong("ticket_id")), t -> new ArrayList<>()).add(new TimelineEventView(
                                rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), actorId, rs.getString("actor"),
                                rs.getString("kind"), rs.getString("field"), rs.getString("before_value"),
                                rs.getString("after_value"), rs.getString("detail")));
                    });
        }
        return found;
    }
}
