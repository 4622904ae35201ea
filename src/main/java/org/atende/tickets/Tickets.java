package org.atende.tickets;

import java.sql.Timestamp;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may do to tickets. */
@Service
@Transactional
public class Tickets {

    private final JdbcClient jdbc;

    Tickets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends to a ticket's timeline; entries are never edited. */
    public void recordOnTimeline(TicketId ticket, TimelineEntry e) {
        jdbc.sql("""
                INSERT INTO timeline_event (ticket_id, occurred_at, actor_user_id, actor, kind, field, before_value, after_value, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(ticket.value(), Timestamp.from(e.at()), e.actorUserId() == null ? null : e.actorUserId().value(),
                        e.actor(), e.kind(), e.field(), e.before(), e.after(), e.detail())
                .update();
    }

    /** Sets the earliest due time of a ticket's running clocks, the queue's sort key (null: nothing due). */
    public void setNextDue(TicketId ticket, @Nullable Instant due) {
        jdbc.sql("UPDATE ticket SET next_due_at = ? WHERE id = ?")
                .params(due == null ? null : Timestamp.from(due), ticket.value()).update();
    }
}
