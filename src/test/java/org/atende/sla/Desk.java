package org.atende.sla;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.atende.customers.OrganisationId;
import org.atende.identity.UserId;
import org.atende.tickets.AgentReplied;
import org.atende.tickets.Channel;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketOpened;
import org.atende.tickets.TicketReclassified;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketType;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rest of the desk as sla's tests need it: organisations, plans and tickets inserted by SQL (the
 * modules that own them are written elsewhere), and ticket events published the way tickets will,
 * inside the transaction that changes the ticket.
 */
final class Desk {

    static final String DEFAULT_POLICY = "Standard support terms";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    Desk(JdbcClient jdbc, PlatformTransactionManager transactions, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.events = events;
    }

    /** Forgets every ticket (with its conversation), clock, escalation rule, organisation and plan; keeps policies, calendars and users. */
    void reset() {
        for (String table : List.of("escalation_firing", "escalation_rule", "sla_first_reply", "sla_clock_pause", "sla_clock", "timeline_event", "attachment",
                "escalation", "message", "ticket", "quota_unit", "quota_counter", "organisation", "plan")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    long defaultPolicy() {
        return jdbc.sql("SELECT id FROM sla_policy WHERE name = ?").param(DEFAULT_POLICY).query(Long.class).single();
    }

    /** A customer organisation on a plan with {@code policy}, measured on {@code calendarId} if set. */
    OrganisationId organisation(long policy, @Nullable Long calendarId) {
        String name = "org-" + UUID.randomUUID();
        jdbc.sql("INSERT INTO plan (name, sla_policy_id, default_priority, created_at) VALUES (?, ?, 'MEDIUM', ?)")
                .params(name, policy, utc(Instant.parse("2026-01-01T00:00:00Z"))).update();
        long plan = jdbc.sql("SELECT id FROM plan WHERE name = ?").param(name).query(Long.class).single();
        jdbc.sql("INSERT INTO organisation (name, plan_id, language, calendar_id, created_at) VALUES (?, ?, 'PT', ?, ?)")
                .params(name, plan, calendarId, utc(Instant.parse("2026-01-01T00:00:00Z"))).update();
        return new OrganisationId(jdbc.sql("SELECT id FROM organisation WHERE name = ?").param(name).query(Long.class).single());
    }

    OrganisationId customer() {
        return organisation(defaultPolicy(), null);
    }

    /** Inserts a ticket received at {@code at} and publishes {@link TicketOpened} in the same transaction. */
    TicketId open(OrganisationId organisation, Priority priority, TicketType type, String at) {
        Instant received = Instant.parse(at);
        return transactions.execute(tx -> {
            long number = jdbc.sql("SELECT nextval('ticket_number_seq')").query(Long.class).single();
            jdbc.sql("""
                    INSERT INTO ticket (number, organisation_id, channel, subject, type, priority, status, received_at, updated_at)
                    VALUES (?, ?, 'EMAIL', 'It does not work', ?, ?, 'NEW', ?, ?)""")
                    .params(number, organisation.value(), type.name(), priority.name(), utc(received), utc(received)).update();
            TicketId id = new TicketId(jdbc.sql("SELECT id FROM ticket WHERE number = ?").param(number).query(Long.class).single());
            events.publishEvent(new TicketOpened(id, number, organisation, priority, type, Channel.EMAIL, received));
            return id;
        });
    }

    TicketId open(Priority priority, String at) {
        return open(customer(), priority, TicketType.INCIDENT, at);
    }

    void status(TicketId ticket, TicketStatus from, TicketStatus to, String at) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("UPDATE ticket SET status = ? WHERE id = ?").params(to.name(), ticket.value()).update();
            events.publishEvent(new org.atende.tickets.TicketStatusChanged(ticket, from, to, Instant.parse(at)));
        });
    }

    void reply(TicketId ticket, String at) {
        transactions.executeWithoutResult(tx -> events.publishEvent(new AgentReplied(ticket, new UserId(1), Instant.parse(at))));
    }

    void reclassify(TicketId ticket, Priority priority, TicketType type, String at) {
        transactions.executeWithoutResult(tx -> {
            var before = jdbc.sql("SELECT organisation_id, type, received_at, status FROM ticket WHERE id = ?").param(ticket.value())
                    .query((rs, n) -> new Object[] {rs.getLong(1), TicketType.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant(),
                            org.atende.tickets.TicketStatus.valueOf(rs.getString(4))})
                    .single();
            jdbc.sql("UPDATE ticket SET priority = ?, type = ? WHERE id = ?").params(priority.name(), type.name(), ticket.value()).update();
            events.publishEvent(new TicketReclassified(ticket, new org.atende.customers.OrganisationId((Long) before[0]), priority,
                    (TicketType) before[1], type, (org.atende.tickets.TicketStatus) before[3], (Instant) before[2], Instant.parse(at)));
        });
    }

    /** One line of a ticket's timeline as sla wrote it. */
    record Entry(Instant at, String kind, @Nullable String field, @Nullable String detail) {
    }

    List<Entry> timeline(TicketId ticket) {
        return jdbc.sql("SELECT occurred_at, kind, field, detail FROM timeline_event WHERE ticket_id = ? ORDER BY id").param(ticket.value())
                .query((rs, n) -> new Entry(rs.getTimestamp("occurred_at").toInstant(), rs.getString("kind"), rs.getString("field"),
                        rs.getString("detail"))).list();
    }

    @Nullable Instant nextDue(TicketId ticket) {
        return jdbc.sql("SELECT next_due_at FROM ticket WHERE id = ?").param(ticket.value())
                .query((rs, n) -> {
                    OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
                    return t == null ? null : t.toInstant();
                }).list().getFirst();
    }

    /** A column of a clock's row, as text ({@code state}, {@code breached_at}, {@code excluded_since}, ...). */
    @Nullable String column(TicketId ticket, ClockKind kind, String column) {
        return jdbc.sql("SELECT " + column + " FROM sla_clock WHERE ticket_id = ? AND kind = ?")
                .params(ticket.value(), kind.name()).query((rs, n) -> {
                    if (column.endsWith("_at") || column.endsWith("_since")) {
                        OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
                        return t == null ? null : t.toInstant().toString();
                    }
                    return rs.getString(1);
                }).list().getFirst();
    }

    /** A clock's pauses in order, each as {@code "from to reason"} ({@code to} is {@code null} while it lasts). */
    List<String> pauses(TicketId ticket, ClockKind kind) {
        return jdbc.sql("SELECT paused_from, paused_to, reason FROM sla_clock_pause WHERE ticket_id = ? AND kind = ? ORDER BY paused_from, id")
                .params(ticket.value(), kind.name())
                .query((rs, n) -> {
                    OffsetDateTime to = rs.getObject(2, OffsetDateTime.class);
                    return rs.getObject(1, OffsetDateTime.class).toInstant() + " " + (to == null ? null : to.toInstant())
                            + " " + rs.getString(3);
                }).list();
    }

    int clockRows(TicketId ticket) {
        return jdbc.sql("SELECT COUNT(*) FROM sla_clock WHERE ticket_id = ?").param(ticket.value()).query(Integer.class).single();
    }

    static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
