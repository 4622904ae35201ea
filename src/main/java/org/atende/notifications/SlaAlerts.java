package org.atende.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.atende.customers.Customers;
import org.atende.customers.OrganisationSummary;
import org.atende.identity.UserSummary;
import org.atende.operations.TransactionScoped;
import org.atende.sla.ClockKind;
import org.atende.sla.ClockView;
import org.atende.sla.SlaBreached;
import org.atende.sla.SlaClocks;
import org.atende.sla.SlaWarning;
import org.atende.sla.TicketClocks;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the ticket's assignee, team and leads when a clock warns and when it breaches: a desk line and an
 * e-mail each. The sweep publishes each mark once, in the transaction that claims and marks the clock; these
 * listeners keep the transaction's alerts and tell them together just before it commits, inside it (not after
 * it), so an alert commits with its mark or not at all. Each (clock, threshold, recipient) is also recorded insert-if-absent in {@code sla_alert}, and
 * only the transaction whose insert wrote the row tells that recipient: a clock marked again (new targets moved
 * its times, then it warned again) or a mark seen by two instances never tells anyone twice.
 */
@Component
class SlaAlerts {

    static final String WARNING = "WARNING";
    static final String BREACHED = "BREACHED";
    private static final String PENDING = SlaAlerts.class.getName() + ".pending";

    private final Tickets tickets;
    private final Customers customers;
    private final SlaClocks clocks;
    private final StaffRecipients recipients;
    private final StaffNotices notices;
    private final JdbcTemplate batch;
    private final Clock clock;

    SlaAlerts(Tickets tickets, Customers customers, SlaClocks clocks, StaffRecipients recipients, StaffNotices notices,
            JdbcTemplate batch, Clock clock) {
        this.tickets = tickets;
        this.customers = customers;
        this.clocks = clocks;
        this.recipients = recipients;
        this.notices = notices;
        this.batch = batch;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    void on(SlaWarning e) {
        alert(new Alert(e.ticketId(), e.kind(), WARNING, e.dueAt(), e.at(), e.remainingSeconds()));
    }

    @EventListener
    @Transactional
    void on(SlaBreached e) {
        alert(new Alert(e.ticketId(), e.kind(), BREACHED, e.at(), e.noticedAt(), e.remainingSeconds())); // missed at its due time, overdue by when it was noticed
    }

    /**
     * A mark to tell: the clock, the threshold, its due time, when it was marked and, when the mark says, the business
     * time left then (negative: past due).
     */
    private record Alert(TicketId ticket, ClockKind kind, String threshold, Instant dueAt, Instant at, @Nullable Long remaining) {
    }

    /**
     * Keeps the alert for the end of the transaction, where the transaction's alerts are told together (a sweep
     * batch marks up to hundreds): their tickets, recipients and clocks are read once for all. Telling writes
     * desk lines and outgoing mail and publishes no event, so it may run while the transaction commits.
     */
    private void alert(Alert alert) {
        TransactionScoped.<List<Alert>>value(PENDING, ArrayList::new, this::tell).ifPresentOrElse(p -> p.add(alert),
                () -> tell(List.of(alert)));
    }

    private void tell(List<Alert> alerts) {
        Map<TicketId, TicketView> found = tickets.lookupAll(alerts.stream().map(Alert::ticket).toList());
        Map<TicketId, List<UserSummary>> told = recipients.ofTickets(found.values());
        Map<Instant, Map<TicketId, TicketClocks>> clocksAt = new HashMap<>();
        List<StaffNotices.Notice> notices = new ArrayList<>();
        List<Alert> noticeAlerts = new ArrayList<>(); // the alert of each notice, in the same order
        for (Alert a : alerts) {
            TicketView ticket = found.get(a.ticket());
            List<UserSummary> users = ticket == null ? List.of() : told.getOrDefault(ticket.id(), List.of());
            if (users.isEmpty()) {
                continue;
            }
            String organisation = customers.organisation(ticket.organisationId()).map(OrganisationSummary::name).orElse("");
            Duration span = span(a, alerts, clocksAt);
            for (UserSummary user : users) {
                List<String> params = List.of(Long.toString(ticket.number()), ticket.subject(), organisation,
                        a.kind().name(), a.dueAt().toString(), StaffTexts.span(span)); // the clock and the time are worded when read, in the reader's language
                notices.add(new StaffNotices.Notice(user, ticket, "SLA_" + a.threshold(),
                        a.threshold().equals(WARNING) ? StaffTexts.SLA_WARNING : StaffTexts.SLA_BREACHED, params,
                        "alert.t" + a.ticket().value() + "." + a.kind().name().toLowerCase(java.util.Locale.ROOT) + "."
                                + a.threshold().toLowerCase(java.util.Locale.ROOT)));
                noticeAlerts.add(a);
            }
        }
        boolean[] first = claim(noticeAlerts, notices);
        List<StaffNotices.Notice> toTell = new ArrayList<>();
        for (int i = 0; i < first.length; i++) {
            if (first[i]) {
                toTell.add(notices.get(i));
            }
        }
        this.notices.tellAll(toTell);
    }

    /**
     * Business time left (warning) or past due (breach): as the mark says, when it says (the sweep has just read the
     * clock); else as the clock reads at the mark, the clocks of the alerts marked at that instant read together
     * ({@code clocksAt}); wall-clock time if the clock cannot be read.
     */
    private Duration span(Alert a, List<Alert> alerts, Map<Instant, Map<TicketId, TicketClocks>> clocksAt) {
        if (a.remaining() != null) {
            return span(a, a.remaining().longValue());
        }
        TicketClocks read = clocksAt.computeIfAbsent(a.at(), at -> clocks.clocksOf(alerts.stream()
                .filter(o -> o.at().equals(at) && o.remaining() == null).map(Alert::ticket).distinct().toList(), at)).get(a.ticket());
        @Nullable ClockView view = read == null ? null : a.kind() == ClockKind.FIRST_RESPONSE ? read.firstResponse() : read.resolution();
        return span(a, view != null ? view.remainingSeconds() : Duration.between(a.at(), a.dueAt()).toSeconds());
    }

    private static Duration span(Alert a, long remaining) {
        return Duration.ofSeconds(a.threshold().equals(WARNING) ? Math.max(remaining, 0) : Math.max(-remaining, 0));
    }

    /** Records each (clock, threshold, recipient) unless recorded, in one batch; true where this call recorded it. */
    private boolean[] claim(List<Alert> alerts, List<StaffNotices.Notice> notices) {
        if (alerts.isEmpty()) {
            return new boolean[0];
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>(alerts.size());
        for (int i = 0; i < alerts.size(); i++) {
            Alert a = alerts.get(i);
            rows.add(new Object[] {a.ticket().value(), a.kind().name(), a.threshold(), notices.get(i).user().id().value(), now});
        }
        int[] inserted = batch.batchUpdate("INSERT INTO sla_alert (ticket_id, clock_kind, threshold, recipient_user_id, created_at) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", rows);
        boolean[] first = new boolean[inserted.length];
        for (int i = 0; i < inserted.length; i++) {
            first[i] = inserted[i] == 1;
        }
        return first;
    }
}
