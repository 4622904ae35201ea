package org.atende.reporting;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.List;
import java.util.Set;

import org.atende.customers.OrganisationId;
import org.atende.customers.Quotas;
import org.atende.operations.TransactionScoped;
import org.atende.sla.SlaBreached;
import org.atende.sla.SlaTargetsChanged;
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
import org.atende.tickets.TicketReclassified;
import org.atende.tickets.TicketStatusChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the report tables in step with the desk's events.
 * <p>
 * A ticket's rows are recomputed from the ticket, its clocks and its timeline ({@link TicketReadModel})
 * whenever an event says it changed, not counted from the events themselves: whatever the order or
 * number of events, the rows say what the desk holds, and a rebuild writes the same. The listeners only
 * note which tickets changed, while the change is made; the rows are written once per ticket, just
 * before the change's transaction commits ({@link #BEFORE_COMMIT}), when the ticket and the clocks that
 * {@code sla} moved in the same transaction are final. The read model then commits or rolls back with
 * the change it describes. A failure here fails the change, as it does for the clocks. Published
 * outside a transaction (never by the desk), an event is applied at once, in a transaction of its own.
 * <p>
 * Technical-service quotes are counted per month from their events.
 */
@Component
class ReportProjection {

    private static final String BEFORE_COMMIT = "reporting.changed-tickets";

    private final TicketReadModel model;
    private final JdbcClient jdbc;
    private final Quotas quotas;
    private final TransactionTemplate transactions;

    ReportProjection(TicketReadModel model, JdbcClient jdbc, Quotas quotas, PlatformTransactionManager transactions) {
        this.model = model;
        this.jdbc = jdbc;
        this.quotas = quotas;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** A ticket opened by this transaction, which no other can see yet: its row is written in one insert. */
    @EventListener
    void on(TicketOpened e) {
        changed(e.ticketId(), Change.OPENED);
    }

    @EventListener
    void on(TicketStatusChanged e) {
        changed(e.ticketId());
    }

    @EventListener
    void on(TicketReclassified e) {
        changed(e.ticketId());
    }

    @EventListener
    void on(AgentReplied e) {
        changed(e.ticketId());
    }

    /** The agent and team dimensions follow a reassignment at once. */
    @EventListener
    void on(TicketAssigned e) {
        changed(e.ticketId(), Change.OWNER);
    }

    @EventListener
    void on(TicketEscalated e) {
        changed(e.ticketId());
    }

    @EventListener
    void on(SlaWarning e) {
        changed(e.ticketId());
    }

    @EventListener
    void on(SlaBreached e) {
        changed(e.ticketId());
    }

    /** New terms (a policy's targets, an organisation's plan or calendar) moved the ticket's clocks. */
    @EventListener
    void on(SlaTargetsChanged e) {
        changed(e.ticketId());
    }

    private void changed(TicketId ticket) {
        changed(ticket, Change.OTHER);
    }

    /** Notes a changed ticket: its rows are written once, before the transaction commits. */
    private void changed(TicketId ticket, Change change) {
        Optional<Pending> pending = TransactionScoped.value(BEFORE_COMMIT, () -> new Pending(new LinkedHashMap<>()), p -> p.write(model));
        if (pending.isEmpty()) { // published outside a transaction
            transactions.executeWithoutResult(s -> model.refresh(List.of(ticket)));
            return;
        }
        pending.get().changes().computeIfAbsent(ticket, t -> EnumSet.noneOf(Change.class)).add(change);
    }

    /** What a transaction did to a ticket, as far as its report rows go. */
    private enum Change {
        /** Opened it: no other transaction can see it yet. */
        OPENED,
        /** Gave it another team or agent. */
        OWNER,
        /** Anything else. */
        OTHER
    }

    /** The tickets a transaction changed, each with what it did to them. */
    private record Pending(Map<TicketId, Set<Change>> changes) {

        void write(TicketReadModel model) {
            Set<TicketId> opened = new HashSet<>();
            Set<TicketId> openedOnly = new HashSet<>();
            Set<TicketId> ownerOnly = new HashSet<>();
            changes.forEach((ticket, what) -> {
                if (what.contains(Change.OPENED)) {
                    opened.add(ticket);
                }
                if (what.equals(EnumSet.of(Change.OPENED))) {
                    openedOnly.add(ticket);
                } else if (what.equals(EnumSet.of(Change.OWNER))) {
                    ownerOnly.add(ticket);
                }
            });
            model.refresh(changes.keySet(), new TicketReadModel.Hints(opened, openedOnly, ownerOnly));
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
