package org.atende.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.atende.customers.Customers;
import org.atende.customers.OrganisationId;
import org.atende.customers.OrganisationSummary;
import org.atende.customers.Quotas;
import org.atende.sla.ClockKind;
import org.atende.sla.ClockMeasure;
import org.atende.sla.ClockState;
import org.atende.sla.SlaBreached;
import org.atende.sla.SlaClocks;
import org.atende.sla.SlaWarning;
import org.atende.techservice.QuoteAccepted;
import org.atende.techservice.QuoteExpired;
import org.atende.techservice.QuoteRejected;
import org.atende.techservice.QuoteSent;
import org.atende.tickets.AgentReplied;
import org.atende.tickets.TicketAssigned;
import org.atende.tickets.TicketEscalated;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketOpened;
import org.atende.tickets.TicketOverQuota;
import org.atende.tickets.TicketReclassified;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketStatusChanged;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the report tables in step with the desk's events.
 * <p>
 * Every listener runs in the transaction that publishes the event, just before it commits
 * ({@code BEFORE_COMMIT}), not after it ({@code @ApplicationModuleListener}): the read model then
 * commits or rolls back with the change it describes, so it is exact at every commit, with no window
 * in which a report disagrees with the tickets and no lost update if the process stops between two
 * transactions. Running before commit rather than at publication also means the SLA clocks, which
 * {@code sla} moves in synchronous listeners of the same events, are in their final state for the
 * transaction when the ticket's row is refreshed from them, whatever order the listeners run in. A
 * failure here fails the change, as it does for the clocks. Published outside a transaction (never by
 * the desk), an event is applied at once.
 * <p>
 * A ticket's row is refreshed from the ticket and its clocks as they stand (one ticket, a few rows);
 * the counters of the flow, the breaches and the causes are written from the events themselves.
 * Reassigning a ticket publishes no event: the row takes the new assignee at the ticket's next event.
 */
@Component
class ReportProjection {

    private static final Set<TicketStatus> DONE = EnumSet.of(TicketStatus.RESOLVED, TicketStatus.CLOSED);

    private final JdbcClient jdbc;
    private final Tickets tickets;
    private final SlaClocks clocks;
    private final Customers customers;
    private final Quotas quotas;
    private final Clock clock;

    ReportProjection(JdbcClient jdbc, Tickets tickets, SlaClocks clocks, Customers customers, Quotas quotas, Clock clock) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.clocks = clocks;
        this.customers = customers;
        this.quotas = quotas;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(TicketOpened e) {
        refresh(e.ticketId());
        flow(e.organisationId(), e.receivedAt(), 1, 0, 0, 0, 1);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(TicketStatusChanged e) {
        TicketView t = refresh(e.ticketId());
        if (t == null) {
            return;
        }
        boolean wasDone = DONE.contains(e.from());
        boolean isDone = DONE.contains(e.to());
        int resolved = !wasDone && isDone ? 1 : 0;
        int reopened = wasDone && !isDone ? 1 : 0;
        int waiting = (e.to() == TicketStatus.WAITING_ON_CUSTOMER ? 1 : 0) - (e.from() == TicketStatus.WAITING_ON_CUSTOMER ? 1 : 0);
        flow(t.organisationId(), e.at(), 0, resolved, reopened, waiting, reopened - resolved);
        if (reopened == 1) {
            jdbc.sql("UPDATE report_ticket SET reopen_count = reopen_count + 1 WHERE ticket_id = ?").param(e.ticketId().value()).update();
            cause(e.ticketId(), e.at(), "REOPENED", "reopened from " + e.from());
        } else if (e.to() == TicketStatus.WAITING_ON_CUSTOMER || e.to() == TicketStatus.ON_HOLD) {
            cause(e.ticketId(), e.at(), "STATUS", e.from() + " -> " + e.to());
        } else if (e.from() == TicketStatus.WAITING_ON_CUSTOMER || e.from() == TicketStatus.ON_HOLD) {
            cause(e.ticketId(), e.at(), "STATUS", e.from() + " -> " + e.to());
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(TicketReclassified e) {
        refresh(e.ticketId());
        cause(e.ticketId(), e.at(), "RECLASSIFIED", e.previousType() == e.type()
                ? "priority " + e.priority() : "type " + e.previousType() + " -> " + e.type() + ", priority " + e.priority());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(AgentReplied e) {
        refresh(e.ticketId());
    }

    /** The agent and team dimensions follow a reassignment at once. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(TicketAssigned e) {
        refresh(e.ticketId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(TicketEscalated e) {
        refresh(e.ticketId());
        cause(e.ticketId(), e.at(), "ESCALATED", "to team " + e.toTeam().value() + ": " + e.reason());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(TicketOverQuota e) {
        cause(e.ticketId(), e.at(), "OVER_QUOTA", "ticket " + e.number() + " of an allowance of " + e.allowance());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(SlaWarning e) {
        cause(e.ticketId(), e.at(), "SLA_WARNING", e.kind().label() + " due " + e.dueAt());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(SlaBreached e) {
        TicketView t = refresh(e.ticketId());
        if (t == null) {
            return;
        }
        int known = jdbc.sql("SELECT COUNT(*) FROM report_breach WHERE ticket_id = ? AND clock_kind = ?")
                .params(e.ticketId().value(), e.kind().name()).query(Integer.class).single();
        if (known == 0) {
            jdbc.sql("""
                    INSERT INTO report_breach (ticket_id, clock_kind, organisation_id, support_month, due_at, breached_at)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(e.ticketId().value(), e.kind().name(), t.organisationId().value(),
                            quotas.monthOf(t.receivedAt()).toString(), Sql.utc(e.dueAt()), Sql.utc(e.at()))
                    .update();
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(QuoteSent e) {
        quote(e.organisationId(), e.at(), "sent = sent + 1, sent_cents = sent_cents + ?", e.amountCents());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(QuoteAccepted e) {
        quote(e.organisationId(), e.at(), "accepted = accepted + 1, accepted_cents = accepted_cents + ?", e.amountCents());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(QuoteRejected e) {
        quote(e.organisationId(), e.at(), "rejected = rejected + 1");
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(QuoteExpired e) {
        quote(e.organisationId(), e.at(), "expired = expired + 1");
    }

    /** Writes the ticket's row as the ticket and its clocks stand now; null if the ticket is gone. */
    @Nullable TicketView refresh(TicketId id) {
        TicketView t = tickets.lookup(id).orElse(null);
        if (t == null) {
            return null;
        }
        Instant now = clock.instant();
        List<ClockMeasure> measures = clocks.measure(id, now);
        ClockMeasure first = measures.stream().filter(m -> m.kind() == ClockKind.FIRST_RESPONSE).findFirst().orElse(null);
        ClockMeasure resolution = measures.stream().filter(m -> m.kind() == ClockKind.RESOLUTION).findFirst().orElse(null);
        Long plan = customers.organisation(t.organisationId()).map(OrganisationSummary::planId).map(p -> p.value()).orElse(null);
        boolean technicalService = !t.type().isSupport() || measures.stream().anyMatch(m -> m.excludedSince() != null);
        Object[] values = {t.number(), t.organisationId().value(), plan, t.teamId() == null ? null : t.teamId().value(),
                t.assigneeId() == null ? null : t.assigneeId().value(), t.channel().name(), t.priority().name(),
                t.type().name(), technicalService, t.status().name(), Sql.utc(t.receivedAt()),
                quotas.monthOf(t.receivedAt()).toString(), outcome(first).name(), seconds(first), outcome(resolution).name(),
                seconds(resolution), resolution == null ? 0 : resolution.pausedSeconds(), Sql.utc(t.resolvedAt()),
                Sql.utc(now), id.value()};
        int updated = jdbc.sql("""
                UPDATE report_ticket SET ticket_number = ?, organisation_id = ?, plan_id = ?, team_id = ?, assignee_id = ?, channel = ?,
                       priority = ?, ticket_type = ?, technical_service = ?, status = ?, opened_at = ?, support_month = ?,
                       first_response = ?, first_response_seconds = ?, resolution = ?, resolution_seconds = ?,
                       paused_seconds = ?, resolved_at = ?, updated_at = ?
                WHERE ticket_id = ?""").params(values).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO report_ticket (ticket_number, organisation_id, plan_id, team_id, assignee_id, channel, priority, ticket_type,
                           technical_service, status, opened_at, support_month, first_response, first_response_seconds,
                           resolution, resolution_seconds, paused_seconds, resolved_at, updated_at, ticket_id, reopen_count)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""").params(values).update();
        }
        return t;
    }

    private static ClockOutcome outcome(@Nullable ClockMeasure m) {
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

    private void flow(OrganisationId organisation, Instant at, int opened, int resolved, int reopened, int waiting, int backlog) {
        LocalDate day = at.atZone(quotas.zone()).toLocalDate();
        jdbc.sql("INSERT INTO report_flow_day (flow_day, organisation_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(day, organisation.value()).update();
        jdbc.sql("""
                UPDATE report_flow_day SET opened = opened + ?, resolved = resolved + ?, reopened = reopened + ?,
                       waiting_change = waiting_change + ?, backlog_change = backlog_change + ?
                WHERE flow_day = ? AND organisation_id = ?""")
                .params(opened, resolved, reopened, waiting, backlog, day, organisation.value()).update();
    }

    private void cause(TicketId ticket, Instant at, String kind, String detail) {
        jdbc.sql("INSERT INTO report_ticket_event (ticket_id, happened_at, kind, detail) VALUES (?, ?, ?, ?)")
                .params(ticket.value(), Sql.utc(at), kind, detail.length() > 500 ? detail.substring(0, 500) : detail).update();
    }

    private void quote(OrganisationId organisation, Instant at, String set, Object... amounts) {
        String month = quotas.monthOf(at).toString();
        jdbc.sql("INSERT INTO report_quote_month (support_month, organisation_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(month, organisation.value()).update();
        jdbc.sql("UPDATE report_quote_month SET " + set + " WHERE support_month = ? AND organisation_id = ?")
                .params(concat(amounts, month, organisation.value())).update();
    }

    private static Object[] concat(Object[] head, Object... tail) {
        Object[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
