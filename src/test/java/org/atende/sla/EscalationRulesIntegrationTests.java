package org.atende.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.identity.TeamId;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Escalation rules evaluated by the sweep with a moving clock: a rule fires once per clock, its actions are
 * on the timeline, and its own action never makes it fire again.
 */
class EscalationRulesIntegrationTests extends SlaIntegrationSupport {

    @Autowired Tickets tickets;
    @Autowired SlaSweep sweep;
    @Autowired EscalationRules rules;

    AlertFixtures staff;
    TeamId firstLine;
    TeamId secondLine;
    Actor agent;
    Actor lead;

    @BeforeEach
    void people() {
        staff = new AlertFixtures(jdbc, tickets, clock);
        firstLine = staff.team("First line");
        secondLine = staff.team("Second line");
        agent = staff.staff(Role.AGENT, "Ana Agent", firstLine, null);
        lead = staff.staff(Role.LEAD, "Leo Lead", null, null);
    }

    EscalationRule rule(String name, EscalationRule.Conditions conditions, EscalationRule.Threshold threshold,
            EscalationRule.Actions actions) {
        Outcome<EscalationRule> saved = rules.create(new EscalationRuleDraft(name, true, conditions, threshold, actions));
        assertThat(saved).isInstanceOf(Outcome.Saved.class);
        return ((Outcome.Saved<EscalationRule>) saved).value();
    }

    /** A policy whose Low first response (4 h) is shorter than Medium's (8 h): a raise moves the warning later. */
    OrganisationId customerWithLongerTargetsUpwards() {
        long policy = staff.fixtures.standardPolicy();
        jdbc.sql("UPDATE sla_target SET first_response_amount = 4, first_response_unit = 'HOURS' WHERE policy_id = ? AND priority = 'LOW'")
                .param(policy).update();
        jdbc.sql("UPDATE sla_target SET first_response_amount = 8, first_response_unit = 'HOURS' WHERE policy_id = ? AND priority = 'MEDIUM'")
                .param(policy).update();
        return desk.organisation(policy, null);
    }

    @Test
    void aRuleRaisesThePriorityOnceAndItsOwnRaiseNeverFiresItAgain() {
        OrganisationId customer = customerWithLongerTargetsUpwards();
        EscalationRule bump = rule("Bump on warning", new EscalationRule.Conditions(ClockKind.FIRST_RESPONSE, Set.of(), null, null),
                new EscalationRule.Threshold(EscalationRule.Threshold.Kind.WARNING, null),
                new EscalationRule.Actions(EscalationRule.Actions.ONE_LEVEL, null, null, null));
        TicketView ticket = staff.open(customer, Priority.LOW, "2026-11-26T10:00:00Z", agent, firstLine);

        clock.set("2026-11-26T12:59:00Z");
        assertThat(sweep.runOnce().escalated()).isZero();

        clock.set("2026-11-26T13:00:00Z"); // 3 of Low's 4 hours: warning, then the rule
        SlaSweep.Result pass = sweep.runOnce();
        assertThat(pass.warned()).isEqualTo(1);
        assertThat(pass.escalated()).isEqualTo(1);
        assertThat(tickets.lookup(ticket.id()).orElseThrow().priority()).isEqualTo(Priority.MEDIUM);
        assertThat(staff.timeline(ticket.id())).contains(
                "ESCALATION_RULE: Escalation rule 'Bump on warning': priority raised to Medium (first response clock, warning)",
                "CHANGED: Escalation rule 'Bump on warning': priority raised to Medium");
        assertThat(desk.column(ticket.id(), ClockKind.FIRST_RESPONSE, "warned_at")).as("Medium's 8 h warn at 16:00").isNull();

        clock.set("2026-11-26T16:00:00Z"); // the recomputed clock warns again: the rule is done with it
        SlaSweep.Result again = sweep.runOnce();
        assertThat(again.warned()).isEqualTo(1);
        assertThat(again.escalated()).isZero();
        clock.set("2026-11-26T18:00:01Z");
        assertThat(sweep.runOnce().escalated()).isZero();
        assertThat(tickets.lookup(ticket.id()).orElseThrow().priority()).isEqualTo(Priority.MEDIUM);
        assertThat(rules.firings(bump.id())).isEqualTo(1);
        assertThat(staff.timeline(ticket.id()).stream().filter(e -> e.startsWith("ESCALATION_RULE"))).hasSize(1);
        assertThat(staff.mailsTo(agent)).as("one warning e-mail, though the clock warned twice")
                .extracting(AlertFixtures.Mail::subject).filteredOn(s -> s.startsWith("[SLA at risk]")).hasSize(1);
    }

    @Test
    void aRuleReassignsBreachedUrgentTicketsToATeamAndLeavesOthersAlone() {
        OrganisationId customer = desk.customer();
        OrganisationId elsewhere = desk.customer();
        rule("Urgent breaches to second line", new EscalationRule.Conditions(ClockKind.FIRST_RESPONSE, Set.of(Priority.URGENT), null, null),
                new EscalationRule.Threshold(EscalationRule.Threshold.Kind.BREACHED, null),
                new EscalationRule.Actions(null, secondLine.value(), null, null));
        rule("Only for another organisation", new EscalationRule.Conditions(ClockKind.FIRST_RESPONSE, Set.of(), null, elsewhere.value()),
                new EscalationRule.Threshold(EscalationRule.Threshold.Kind.BREACHED, null),
                new EscalationRule.Actions("URGENT", null, null, null));
        TicketView urgent = staff.open(customer, Priority.URGENT, "2026-11-26T10:00:00Z", agent, firstLine);
        TicketView high = staff.open(customer, Priority.HIGH, "2026-11-26T10:00:00Z", agent, firstLine);

        clock.set("2026-11-26T13:30:00Z"); // warned, not breached
        assertThat(sweep.runOnce().escalated()).isZero();
        clock.set("2026-11-26T14:00:01Z");
        assertThat(sweep.runOnce().escalated()).isEqualTo(1);

        TicketView moved = tickets.lookup(urgent.id()).orElseThrow();
        assertThat(moved.teamId()).isEqualTo(secondLine);
        assertThat(moved.priority()).isEqualTo(Priority.URGENT);
        assertThat(staff.timeline(urgent.id())).anyMatch(e -> e.startsWith(
                "ESCALATED: Escalation rule 'Urgent breaches to second line': reassigned to team Second line"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM escalation WHERE ticket_id = ? AND to_team = ? AND by_user IS NULL")
                .params(urgent.id().value(), secondLine.value()).query(Integer.class).single()).isEqualTo(1);

        clock.set("2026-11-27T10:00:01Z"); // High breaches too (12 business hours): not urgent, not the other organisation
        assertThat(sweep.runOnce().escalated()).isZero();
        assertThat(tickets.lookup(high.id()).orElseThrow().teamId()).isEqualTo(firstLine);
    }

    @Test
    void aNotifyRuleTellsTheUserAndTheTeamOnceAtAShareOfTheTarget() {
        OrganisationId customer = desk.customer();
        Actor watcher = staff.staff(Role.LEAD, "Wanda Watcher", null, "PT");
        Actor secondLiner = staff.staff(Role.AGENT, "Sam Second", secondLine, null);
        rule("Half way", new EscalationRule.Conditions(ClockKind.FIRST_RESPONSE, Set.of(Priority.URGENT), null, null),
                new EscalationRule.Threshold(EscalationRule.Threshold.Kind.ELAPSED, 50),
                new EscalationRule.Actions(null, null, watcher.userId().value(), secondLine.value()));
        TicketView ticket = staff.open(customer, Priority.URGENT, "2026-11-26T10:00:00Z", agent, firstLine);

        clock.set("2026-11-26T11:59:59Z");
        assertThat(sweep.runOnce().escalated()).isZero();
        clock.set("2026-11-26T12:00:00Z"); // 2 of 4 hours
        assertThat(sweep.runOnce().escalated()).isEqualTo(1);
        clock.set("2026-11-26T12:30:00Z");
        assertThat(sweep.runOnce().escalated()).isZero();

        assertThat(staff.mailsTo(watcher)).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("[Escalado] #" + ticket.number() + " Invoices do not export");
            assertThat(m.body()).contains("Escalation rule 'Half way': notified Wanda Watcher, notified team Second line",
                    "/desk/tickets/" + ticket.number());
        });
        assertThat(staff.mailsTo(secondLiner)).hasSize(1);
        assertThat(staff.deskKinds(watcher)).containsExactly("ESCALATION");
        assertThat(staff.deskKinds(secondLiner)).containsExactly("ESCALATION");
        assertThat(staff.mailsTo(agent)).as("not named by the rule, no SLA mark yet").isEmpty();
        assertThat(staff.timeline(ticket.id())).filteredOn(e -> e.startsWith("ESCALATION_RULE")).hasSize(1);
    }

    @Test
    void refusesRulesThatCannotWorkNamingEveryProblem() {
        Outcome<EscalationRule> refused = rules.create(new EscalationRuleDraft(" ", true,
                new EscalationRule.Conditions(null, Set.of(), 999_999L, null),
                new EscalationRule.Threshold(EscalationRule.Threshold.Kind.ELAPSED, 150),
                new EscalationRule.Actions("HIGHEST", 999_999L, null, null)));
        assertThat(refused).isInstanceOfSatisfying(Outcome.Rejected.class, r -> assertThat(r.problems()).containsExactly(
                "name: required", "conditions.clockKind: required (FIRST_RESPONSE or RESOLUTION)", "conditions.planId: no plan 999999",
                "threshold.percent: a share of the target from 1 to 100 is required for ELAPSED",
                "actions.raisePriority: ONE_LEVEL or one of [LOW, MEDIUM, HIGH, URGENT]", "actions.reassignTeamId: no team 999999"));
        assertThat(rules.create(new EscalationRuleDraft("Nothing to do", true,
                new EscalationRule.Conditions(ClockKind.RESOLUTION, Set.of(), null, null),
                new EscalationRule.Threshold(EscalationRule.Threshold.Kind.WARNING, null), new EscalationRule.Actions(null, null, null, null))))
                .isEqualTo(new Outcome.Rejected<EscalationRule>(List.of(
                        "actions: at least one of raisePriority, reassignTeamId, notifyUserId, notifyTeamId")));
    }

    static Instant at(String utc) {
        return Instant.parse(utc);
    }
}
