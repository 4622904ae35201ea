package org.atende.sla;

import java.util.List;
import java.util.Map;

import org.atende.customers.Customers;
import org.atende.customers.OrganisationId;
import org.atende.customers.OrganisationTermsChanged;
import org.atende.customers.PlanTermsChanged;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketId;
import org.atende.tickets.Tickets;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps running clocks on the terms in force: a policy's new targets, an organisation's new plan or
 * calendar, a plan's new policy. Synchronous, in the transaction of the change, like the ticket
 * listeners, so that an admin's change and the clocks it moves commit together.
 */
@Component
class TermsListener {

    private final ClockTerms terms;
    private final org.atende.sla.internal.ClockStore store;
    private final Tickets tickets;
    private final Customers customers;
    private final SlaPolicies policies;

    TermsListener(ClockTerms terms, org.atende.sla.internal.ClockStore store, Tickets tickets, Customers customers,
            SlaPolicies policies) {
        this.terms = terms;
        this.store = store;
        this.tickets = tickets;
        this.customers = customers;
        this.policies = policies;
    }

    @EventListener
    @Transactional
    void on(SlaPolicyChanged e) {
        List<TicketId> running = store.runningUnder(e.policyId());
        Map<TicketId, Priority> priorities = tickets.prioritiesOf(running);
        priorities.forEach((ticket, priority) -> terms.apply(ticket, priority, e.policyId(), false, null, e.at(),
                "a change of policy " + e.policyId()));
    }

    @EventListener
    @Transactional
    void on(OrganisationTermsChanged e) {
        long policyId = customers.plan(e.planId()).orElseThrow().slaPolicyId();
        Long calendar = e.calendarId() != null ? e.calendarId() : policies.get(policyId).orElseThrow().calendarId();
        follow(e.organisationId(), policyId, calendar, e.at(), "a change of the organisation's plan or calendar");
    }

    @EventListener
    @Transactional
    void on(PlanTermsChanged e) {
        for (OrganisationId org : customers.organisationsOnPlan(e.planId())) {
            var organisation = customers.organisation(org).orElseThrow();
            Long calendar = organisation.calendarId() != null ? organisation.calendarId()
                    : policies.get(e.slaPolicyId()).orElseThrow().calendarId();
            follow(org, e.slaPolicyId(), calendar, e.at(), "a change of the plan's policy");
        }
    }

    private void follow(OrganisationId org, long policyId, Long calendar, java.time.Instant at, String why) {
        List<TicketId> open = tickets.unresolvedOf(org);
        tickets.prioritiesOf(open).forEach((ticket, priority) -> terms.apply(ticket, priority, policyId, true, calendar, at, why));
    }
}
