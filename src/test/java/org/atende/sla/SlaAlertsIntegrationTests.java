package org.atende.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.identity.TeamId;
import org.atende.notifications.DeskNotification;
import org.atende.notifications.DeskNotifications;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SLA alerts with a moving clock, on the support calendar (Lisbon, UTC+0 in November) and the default
 * policy (first response Urgent 4 business hours, warning at 75 %): the ticket's assignee, its team's
 * active members and its leads each get one e-mail and one desk line when a clock warns, and one when it
 * breaches, however often the mark is seen.
 */
class SlaAlertsIntegrationTests extends SlaIntegrationSupport {

    @Autowired Tickets tickets;
    @Autowired SlaSweep sweep;
    @Autowired DeskNotifications deskNotifications;

    AlertFixtures staff;
    OrganisationId customer;
    TeamId firstLine;
    Actor assignee;
    Actor teammate;
    Actor away;
    Actor lead;
    Actor otherLead;

    @BeforeEach
    void aTeamAndItsLead() {
        staff = new AlertFixtures(jdbc, tickets, clock);
        customer = desk.customer();
        firstLine = staff.team("First line");
        assignee = staff.staff(Role.AGENT, "Inés Agente", firstLine, "ES");
        teammate = staff.staff(Role.AGENT, "Rui Agente", firstLine, "PT");
        away = staff.staff(Role.AGENT, "Away Agent", firstLine, null);
        staff.deactivate(away);
        lead = staff.staff(Role.LEAD, "Lena Lead", null, null);
        otherLead = staff.staff(Role.LEAD, "Otto Lead", null, null);
        staff.fixtures.accountLead(customer, lead);
    }

    @Test
    void warningThenBreachTellEachRecipientOnceByMailAndOnTheDesk() {
        TicketView ticket = staff.open(customer, Priority.URGENT, "2026-11-26T10:00:00Z", assignee, firstLine);

        clock.set("2026-11-26T12:59:59Z");
        sweep.runOnce();
        assertThat(staff.mails()).isEmpty();

        clock.set("2026-11-26T13:00:00Z"); // 3 of 4 hours
        assertThat(sweep.runOnce().warned()).isEqualTo(1);
        assertThat(staff.mails()).extracting(AlertFixtures.Mail::purpose).containsOnly("ALERT").hasSize(3);
        assertThat(staff.mails()).extracting(AlertFixtures.Mail::recipient)
                .containsExactlyInAnyOrder(staff.email(assignee), staff.email(teammate), staff.email(lead));
        AlertFixtures.Mail toAssignee = staff.mailsTo(assignee).getFirst();
        assertThat(toAssignee.subject()).isEqualTo("[SLA en riesgo] #" + ticket.number() + " Invoices do not export");
        assertThat(toAssignee.body()).contains("#" + ticket.number(), "Invoices do not export", "primera respuesta",
                "jueves 26 de noviembre a las 14:00 (hora de Lisboa)", "quedan 1 h 00 min",
                "http://localhost:8080/desk/tickets/" + ticket.number());
        assertThat(staff.mailsTo(lead).getFirst().body())
                .contains("first response target at risk",
                        "Thursday 26 November at 14:00 (Lisbon time)", "1 h 00 min left");
        assertThat(staff.mailsTo(teammate).getFirst().subject()).startsWith("[SLA em risco]");
        assertThat(staff.mailsTo(away)).isEmpty();
        assertThat(staff.mailsTo(otherLead)).as("the organisation has an account lead").isEmpty();

        // the same warning delivered again (another instance, a replay) tells nobody twice
        new TransactionTemplate(transactions).executeWithoutResult(tx -> events.publishEvent(
                new SlaWarning(ticket.id(), ClockKind.FIRST_RESPONSE, java.time.Instant.parse("2026-11-26T14:00:00Z"), clock.instant())));
        clock.set("2026-11-26T13:30:00Z");
        assertThat(sweep.runOnce().warned()).isZero();
        assertThat(staff.mails()).hasSize(3);

        clock.set("2026-11-26T14:30:00Z");
        assertThat(sweep.runOnce().breached()).isEqualTo(1);
        assertThat(staff.mails()).hasSize(6);
        for (Actor recipient : List.of(assignee, teammate, lead)) {
            assertThat(staff.mailsTo(recipient)).hasSize(2);
            assertThat(staff.deskKinds(recipient)).containsExactly("SLA_WARNING", "SLA_BREACHED");
        }
        assertThat(staff.mailsTo(lead).getLast().body()).contains("first response target missed at", "its due time; 30 min overdue");
        assertThat(staff.mailsTo(assignee).getLast().subject()).startsWith("[SLA incumplido] #" + ticket.number());

        clock.set("2026-11-26T16:00:00Z");
        sweep.runOnce();
        assertThat(staff.mails()).hasSize(6);
    }

    @Test
    void oneSweepBatchOverSeveralTicketsTellsEachRecipientOfEachMarkOnceInOneMailListingThem() {
        TicketView first = staff.open(customer, Priority.URGENT, "2026-11-26T10:00:00Z", assignee, firstLine);
        TicketView second = staff.open(customer, Priority.URGENT, "2026-11-26T10:00:00Z", teammate, null);
        TicketView third = staff.open(customer, Priority.URGENT, "2026-11-26T10:00:00Z", null, null);

        clock.set("2026-11-26T14:30:00Z"); // every first response past due, in one batch
        SlaSweep.Result result = sweep.runOnce();
        assertThat(result.breached()).isEqualTo(3);
        // first: its assignee, team (assignee and teammate) and the account lead; second: its assignee and the lead; third: the lead
        AlertFixtures.Mail toAssignee = staff.mailsTo(assignee).getFirst();
        assertThat(staff.mailsTo(assignee)).hasSize(1);
        assertThat(toAssignee.subject()).isEqualTo("[SLA incumplido] #" + first.number() + " Invoices do not export");
        assertThat(toAssignee.ticketId()).isEqualTo(first.id().value());

        AlertFixtures.Mail toTeammate = staff.mailsTo(teammate).getFirst();
        assertThat(staff.mailsTo(teammate)).as("one mail for both of the teammate's tickets").hasSize(1);
        assertThat(toTeammate.subject()).isEqualTo("[SLA] 2 falhados");
        assertThat(toTeammate.ticketId()).isNull();
        assertThat(toTeammate.body()).contains("#" + first.number() + " (", "#" + second.number() + " (",
                "objetivo de primeira resposta falhado", "30 min de atraso", "Abrir no balcão: http://localhost:8080/desk/tickets/"
                        + first.number(), "http://localhost:8080/desk/tickets/" + second.number());

        AlertFixtures.Mail toLead = staff.mailsTo(lead).getFirst();
        assertThat(staff.mailsTo(lead)).hasSize(1);
        assertThat(toLead.subject()).isEqualTo("[SLA] 3 breached");
        assertThat(toLead.body().split("\n\n")).hasSize(3).satisfiesExactlyInAnyOrder(
                line -> assertThat(line).startsWith("#" + first.number() + " ").endsWith("/desk/tickets/" + first.number()),
                line -> assertThat(line).startsWith("#" + second.number() + " ").endsWith("/desk/tickets/" + second.number()),
                line -> assertThat(line).startsWith("#" + third.number() + " ").endsWith("/desk/tickets/" + third.number()));
        assertThat(staff.deskKinds(lead)).as("a desk line per mark").containsOnly("SLA_BREACHED").hasSize(3);
        assertThat(staff.deskKinds(teammate)).containsOnly("SLA_BREACHED").hasSize(2);
        assertThat(staff.mailsTo(otherLead)).isEmpty();

        clock.set("2026-11-26T16:00:00Z");
        sweep.runOnce();
        assertThat(staff.mails()).as("told once").hasSize(3);
        assertThat(staff.deskKinds(lead)).hasSize(3);
    }

    @Test
    void aMailListingAlertsCountsBreachesAndRisksInTheReadersLanguage() {
        TicketView breaching = staff.open(customer, Priority.URGENT, "2026-11-26T09:00:00Z", assignee, null);
        TicketView atRisk = staff.open(customer, Priority.URGENT, "2026-11-26T10:00:00Z", assignee, null);

        clock.set("2026-11-26T13:30:00Z"); // the first past its 13:00 due time, the second past its 13:00 warning
        SlaSweep.Result result = sweep.runOnce();
        assertThat(result.breached()).isEqualTo(1);
        assertThat(result.warned()).isEqualTo(1);
        AlertFixtures.Mail toAssignee = staff.mailsTo(assignee).getFirst();
        assertThat(staff.mailsTo(assignee)).hasSize(1);
        assertThat(toAssignee.subject()).isEqualTo("[SLA] 1 incumplido, 1 en riesgo");
        assertThat(toAssignee.body()).contains("#" + breaching.number() + " (", "30 min de retraso",
                "#" + atRisk.number() + " (", "quedan 30 min", "Abrir en el escritorio");
        assertThat(staff.mailsTo(lead)).extracting(AlertFixtures.Mail::subject).containsExactly("[SLA] 1 breached, 1 at risk");
    }

    @Test
    void theSameMarkPublishedTwiceInOneTransactionTellsEachRecipientOnce() {
        TicketView ticket = staff.open(customer, Priority.URGENT, "2026-11-26T10:00:00Z", assignee, null);
        clock.set("2026-11-26T13:00:00Z");
        SlaWarning warning = new SlaWarning(ticket.id(), ClockKind.FIRST_RESPONSE, java.time.Instant.parse("2026-11-26T14:00:00Z"),
                clock.instant());
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            events.publishEvent(warning);
            events.publishEvent(warning);
        });
        assertThat(staff.mailsTo(assignee)).singleElement().extracting(AlertFixtures.Mail::subject).asString()
                .startsWith("[SLA en riesgo] #" + ticket.number());
        assertThat(staff.deskKinds(assignee)).containsExactly("SLA_WARNING");
        assertThat(staff.mailsTo(lead)).hasSize(1);

        new TransactionTemplate(transactions).executeWithoutResult(tx -> events.publishEvent(warning));
        assertThat(staff.mails()).as("recorded: told by no later transaction").hasSize(2);
    }

    @Test
    void deskNotificationsAreListedUnreadAndMarkedReadForTheirOwnerOnly() {
        TicketView ticket = staff.open(customer, Priority.URGENT, "2026-11-26T10:00:00Z", assignee, firstLine);
        clock.set("2026-11-26T13:00:00Z");
        sweep.runOnce();

        List<DeskNotification> unread = deskNotifications.unread(assignee.userId());
        assertThat(unread).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo("SLA_WARNING");
            assertThat(n.ticketId()).isEqualTo(ticket.id());
            assertThat(n.ticketNumber()).isEqualTo(ticket.number());
            assertThat(n.textKey()).isEqualTo("notification.sla.warning");
            assertThat(n.text()).startsWith("#" + ticket.number() + " (Invoices do not export, ").contains("quedan 1 h 00 min");
        });
        long id = unread.getFirst().id();
        assertThat(deskNotifications.markRead(teammate.userId(), id)).as("someone else's").isFalse();
        assertThat(deskNotifications.unread(assignee.userId())).hasSize(1);
        assertThat(deskNotifications.markRead(assignee.userId(), id)).isTrue();
        assertThat(deskNotifications.unread(assignee.userId())).isEmpty();
        assertThat(deskNotifications.unread(teammate.userId())).hasSize(1);
    }

    @Test
    void withoutAccountLeadOrLeadInTheTeamEveryLeadIsTold() {
        OrganisationId unled = desk.customer();
        staff.open(unled, Priority.URGENT, "2026-11-26T10:00:00Z", null, null);
        clock.set("2026-11-26T13:00:00Z");
        sweep.runOnce();
        assertThat(staff.mails()).extracting(AlertFixtures.Mail::recipient)
                .containsExactlyInAnyOrder(staff.email(lead), staff.email(otherLead));
    }

    @Test
    void aLeadInTheTicketsTeamIsItsLead() {
        OrganisationId unled = desk.customer();
        Actor teamLead = staff.staff(Role.LEAD, "Tina Team Lead", firstLine, "PT");
        staff.open(unled, Priority.URGENT, "2026-11-26T10:00:00Z", null, firstLine);
        clock.set("2026-11-26T13:00:00Z");
        sweep.runOnce();
        assertThat(staff.mails()).extracting(AlertFixtures.Mail::recipient)
                .containsExactlyInAnyOrder(staff.email(assignee), staff.email(teammate), staff.email(teamLead));
    }
}
