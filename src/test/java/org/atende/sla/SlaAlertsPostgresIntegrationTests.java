package org.atende.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.identity.TeamId;
import org.atende.support.PostgresSchema;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * On the real PostgreSQL 15, two sweepers at once (as two instances would): every clock's warning and breach
 * reach each recipient exactly once, and an escalation rule fires exactly once per clock.
 */
@DirtiesContext
class SlaAlertsPostgresIntegrationTests extends SlaIntegrationSupport {

    @RegisterExtension
    static final PostgresSchema schema = PostgresSchema.createFor(SlaAlertsPostgresIntegrationTests.class);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        schema.registerDataSource(registry);
        registry.add("atende.sla.sweep-batch-size", () -> "7");
    }

    static final int TICKETS = 40;

    @Autowired Tickets tickets;
    @Autowired SlaSweep sweep;
    @Autowired EscalationRules rules;

    @Test
    void twoSweepersAlertEachRecipientOnceAndFireARuleOncePerClock() throws Exception {
        AlertFixtures staff = new AlertFixtures(jdbc, tickets, clock);
        TeamId firstLine = staff.team("First line");
        TeamId secondLine = staff.team("Second line");
        Actor assignee = staff.staff(Role.AGENT, "Ana Agent", firstLine, "PT");
        Actor teammate = staff.staff(Role.AGENT, "Tomé Agent", firstLine, null);
        Actor secondLiner = staff.staff(Role.AGENT, "Sara Second", secondLine, "ES");
        Actor lead = staff.staff(Role.LEAD, "Leo Lead", null, null);
        Actor watcher = staff.staff(Role.LEAD, "Wanda Watcher", null, null);
        OrganisationId customer = desk.customer();
        staff.fixtures.accountLead(customer, lead);
        var saved = rules.create(new EscalationRuleDraft("Warned urgent to second line", true,
                new EscalationRule.Conditions(ClockKind.FIRST_RESPONSE, Set.of(Priority.URGENT), null, null),
                new EscalationRule.Threshold(EscalationRule.Threshold.Kind.WARNING, null),
                new EscalationRule.Actions(null, secondLine.value(), watcher.userId().value(), null)));
        long rule = ((Outcome.Saved<EscalationRule>) saved).value().id();
        List<TicketView> opened = new ArrayList<>();
        for (int i = 0; i < TICKETS; i++) {
            opened.add(staff.open(customer, Priority.URGENT, "2026-11-26T10:00:00Z", assignee, firstLine));
        }

        clock.set("2026-11-26T13:00:00Z"); // every first response warns (3 of 4 hours)
        List<SlaSweep.Result> warning = twoSweepersAtOnce();
        assertThat(warning.stream().mapToInt(SlaSweep.Result::warned).sum()).isEqualTo(TICKETS);
        assertThat(warning.stream().mapToInt(SlaSweep.Result::escalated).sum()).isEqualTo(TICKETS);
        assertThat(rules.firings(rule)).isEqualTo(TICKETS);
        for (Actor told : List.of(assignee, teammate, lead)) {
            assertThat(staff.alertedNumbers(told)).hasSize(TICKETS).doesNotHaveDuplicates();
            assertThat(staff.deskKinds(told)).hasSize(TICKETS).containsOnly("SLA_WARNING");
        }
        assertThat(staff.mailsTo(watcher)).hasSize(TICKETS).extracting(AlertFixtures.Mail::ticketId).doesNotHaveDuplicates();
        assertThat(staff.mailsTo(secondLiner)).as("the team came after the warning").isEmpty();
        for (TicketView t : opened) {
            assertThat(tickets.lookup(t.id()).orElseThrow().teamId()).isEqualTo(secondLine);
            assertThat(staff.timeline(t.id())).filteredOn(e -> e.startsWith("ESCALATION_RULE")).hasSize(1);
        }

        clock.set("2026-11-26T14:00:01Z"); // and breaches
        List<SlaSweep.Result> breach = twoSweepersAtOnce();
        assertThat(breach.stream().mapToInt(SlaSweep.Result::breached).sum()).isEqualTo(TICKETS);
        assertThat(breach.stream().mapToInt(SlaSweep.Result::escalated).sum()).isZero();
        assertThat(staff.alertedNumbers(assignee)).hasSize(2 * TICKETS);
        assertThat(staff.alertedNumbers(lead)).hasSize(2 * TICKETS);
        assertThat(staff.alertedNumbers(teammate)).as("no longer the ticket's team").hasSize(TICKETS);
        assertThat(staff.alertedNumbers(secondLiner)).hasSize(TICKETS).doesNotHaveDuplicates();
        assertThat(staff.mailsTo(secondLiner)).as("a batch of 7 clocks: a mail listing them").hasSizeLessThan(TICKETS)
                .extracting(AlertFixtures.Mail::subject).allMatch(s -> s.startsWith("[SLA incumplido]") || s.startsWith("[SLA] "));
        assertThat(staff.deskKinds(lead)).filteredOn("SLA_BREACHED"::equals).hasSize(TICKETS);

        int mails = staff.mails().size();
        clock.set("2026-11-26T16:00:00Z");
        twoSweepersAtOnce();
        assertThat(staff.mails()).as("nobody told twice").hasSize(mails);
    }

    private List<SlaSweep.Result> twoSweepersAtOnce() throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService sweepers = Executors.newFixedThreadPool(2);
        try {
            List<Future<SlaSweep.Result>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(sweepers.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return sweep.runOnce();
                }));
            }
            List<SlaSweep.Result> done = new ArrayList<>();
            for (Future<SlaSweep.Result> r : results) {
                done.add(r.get(120, TimeUnit.SECONDS));
            }
            return done;
        } finally {
            sweepers.shutdownNow();
        }
    }
}
