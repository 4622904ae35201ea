package org.atende.sla.internal;

import static org.atende.sla.internal.CalendarStore.instant;
import static org.atende.sla.internal.CalendarStore.utc;

import java.time.Instant;

import org.atende.tickets.TicketId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code sla_first_reply}: the first public agent reply to a ticket that had no clocks when it was
 * written (it was opened as technical service), kept for the clocks it gets if it moves to support.
 * The caller holds the ticket's row, so two replies to one ticket never race here.
 */
@Component
public class FirstReplies {

    private final JdbcClient jdbc;

    FirstReplies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps {@code at} unless a reply is kept already. */
    public void remember(TicketId ticket, Instant at) {
        jdbc.sql("""
                INSERT INTO sla_first_reply (ticket_id, replied_at)
                SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM sla_first_reply WHERE ticket_id = ?)""")
                .params(ticket.value(), utc(at), ticket.value()).update();
    }

    public @Nullable Instant of(TicketId ticket) {
        return jdbc.sql("SELECT replied_at FROM sla_first_reply WHERE ticket_id = ?").param(ticket.value())
                .query((rs, n) -> instant(rs, "replied_at")).optional().orElse(null);
    }
}
