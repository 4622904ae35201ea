package org.atende.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.atende.customers.Customers;
import org.atende.customers.OrganisationDraft;
import org.atende.customers.OrganisationId;
import org.atende.customers.PlanDraft;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Running clocks follow the terms in force: a policy's new targets, an organisation's new plan. */
class ClockTermsIntegrationTests extends SlaIntegrationSupport {

    @Autowired SlaPolicies policies;
    @Autowired SlaClocks clocks;
    @Autowired Customers customers;

    long policy(int urgentFirstResponseHours, int highFirstResponseHours) {
        Map<Priority, SlaPolicyDraft.Targets> targets = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            int hours = p == Priority.URGENT ? urgentFirstResponseHours : p == Priority.HIGH ? highFirstResponseHours : 12;
            targets.put(p, new SlaPolicyDraft.Targets(new SlaPolicyDraft.Target(hours, TargetUnit.HOURS),
                    new SlaPolicyDraft.Target(24, TargetUnit.HOURS)));
        }
        var saved = policies.create(new SlaPolicyDraft("terms " + UUID.randomUUID(), 75,
                Set.of(TicketStatus.WAITING_ON_CUSTOMER), null, targets));
        return ((Outcome.Saved<SlaPolicy>) saved).value().id();
    }

    SlaPolicyDraft draftOf(long id, int urgentFirstResponseHours) {
        SlaPolicy p = policies.get(id).orElseThrow();
        Map<Priority, SlaPolicyDraft.Targets> targets = new EnumMap<>(Priority.class);
        p.targets().forEach((priority, t) -> targets.put(priority, new SlaPolicyDraft.Targets(
                new SlaPolicyDraft.Target(priority == Priority.URGENT ? urgentFirstResponseHours : t.firstResponse().amount(),
                        t.firstResponse().unit()),
                new SlaPolicyDraft.Target(t.resolution().amount(), t.resolution().unit()))));
        return new SlaPolicyDraft(p.name(), p.warningPercent(), p.pausingStatuses(), p.calendarId(), targets);
    }

    ClockView firstResponse(TicketId ticket) {
        return clocks.clocksOf(ticket, clock.instant()).firstResponse();
    }

    @Test
    void aPolicysNewTargetsMoveItsRunningClocksButNotTheStoppedOnes() {
        long terms = policy(4, 12);
        OrganisationId org = desk.organisation(terms, null);
        TicketId waiting = desk.open(org, Priority.URGENT, TicketType.INCIDENT, "2026-11-26T10:00:00Z");
        TicketId answered = desk.open(org, Priority.URGENT, TicketType.INCIDENT, "2026-11-26T10:00:00Z");
        clock.set("2026-11-26T11:00:00Z");
        desk.reply(answered, "2026-11-26T11:00:00Z");

        policies.update(terms, draftOf(terms, 2));

        assertThat(firstResponse(waiting).dueAt()).isEqualTo(Instant.parse("2026-11-26T12:00:00Z"));
        assertThat(firstResponse(waiting).targetSeconds()).isEqualTo(2 * 3600);
        assertThat(desk.nextDue(waiting)).isEqualTo(Instant.parse("2026-11-26T12:00:00Z"));
        assertThat(firstResponse(answered).state()).isEqualTo(ClockState.MET);
        assertThat(firstResponse(answered).targetSeconds()).isEqualTo(4 * 3600);
        assertThat(desk.timeline(waiting)).anySatisfy(e -> assertThat(e.kind()).isEqualTo(ClockBook.TARGET_CHANGED));
    }

    @Test
    void anOrganisationMovedToAnotherPlanIsMeasuredByThatPlansPolicyFromTheSameStart() {
        OrganisationId org = desk.organisation(policy(4, 12), null);
        TicketId ticket = desk.open(org, Priority.HIGH, TicketType.QUESTION, "2026-11-26T10:00:00Z");
        assertThat(firstResponse(ticket).targetSeconds()).isEqualTo(12 * 3600);
        clock.set("2026-11-26T13:00:00Z");

        var faster = customers.createPlan(new PlanDraft("faster " + UUID.randomUUID(), policy(1, 2), "HIGH"));
        var current = customers.organisation(org).orElseThrow();
        customers.updateOrganisation(org, new OrganisationDraft(current.name(), faster.id(), current.language(),
                current.calendarId(), current.emailDomains()));

        ClockView first = firstResponse(ticket);
        assertThat(first.targetSeconds()).isEqualTo(2 * 3600);
        assertThat(first.dueAt()).isEqualTo(Instant.parse("2026-11-26T12:00:00Z"));
        assertThat(first.state()).as("three hours in, a two-hour target is missed").isEqualTo(ClockState.BREACHED);
    }

    @Test
    void aPlanPointedAtAnotherPolicyMovesItsOrganisationsClocks() {
        OrganisationId org = desk.organisation(policy(4, 12), null);
        TicketId ticket = desk.open(org, Priority.URGENT, TicketType.QUESTION, "2026-11-26T10:00:00Z");
        var organisation = customers.organisation(org).orElseThrow();
        var plan = customers.plan(organisation.planId()).orElseThrow();

        customers.updatePlan(plan.id(), new PlanDraft(plan.name(), policy(8, 12), plan.defaultPriority()));

        assertThat(firstResponse(ticket).targetSeconds()).isEqualTo(8 * 3600);
        assertThat(firstResponse(ticket).dueAt()).isEqualTo(Instant.parse("2026-11-26T18:00:00Z"));
    }
}
