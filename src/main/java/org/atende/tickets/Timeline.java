package org.atende.tickets;

import java.sql.Timestamp;
import java.util.List;

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
        jdbc.sql("""
                INSERT INTO timeline_event (ticket_id, occurred_at, actor_user_id, actor, kind, field, before_value, after_value, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(ticket.value(), Timestamp.from(e.at()), e.actorUserId() == null ? null : e.actorUserId().value(),
                        e.actor(), e.kind(), e.field(), e.before(), e.after(), e.detail())
                .update();
    }

    List<TimelineEventView> of(TicketId ticket) {
        return jdbc.sql("""
                SELECT id, occurred_at, actor_user_id, actor, kind, field, before_value, after_value, detail
                FROM timeline_event WHERE ticket_id = ? ORDER BY id""")
                .param(ticket.value())
                .query((rs, n) -> {
                    long actor = rs.getLong("actor_user_id");
                    UserId actorId = rs.wasNull() ? null : new UserId(actor);
                    return new TimelineEventView(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), actorId,
                            rs.getString("actor"), rs.getString("kind"), rs.getString("field"),
                            rs.getString("before_value"), rs.getString("after_value"), rs.getString("detail"));
                })
                .list();
    }
}
