package org.atende.sla;

import java.time.Instant;

import org.atende.calendar.BusinessCalendar;
import org.atende.customers.Customers;
import org.atende.tickets.TicketView;
import org.springframework.stereotype.Component;

/** The promises the channels put in their acknowledgements, read from the ticket's clocks and terms. */
@Component
public class Promises {

    private final SlaClocks clocks;
    private final SlaPolicies policies;
    private final Customers customers;
    private final BusinessCalendar supportCalendar;

    Promises(SlaClocks clocks, SlaPolicies policies, Customers customers, BusinessCalendar supportCalendar) {
        this.clocks = clocks;
        this.policies = policies;
        this.customers = customers;
        this.supportCalendar = supportCalendar;
    }

    public FirstResponsePromise firstResponse(TicketView ticket, Instant now) {
        ClockView clock = clocks.clocksOf(ticket.id(), now).firstResponse();
        SlaTarget target = !ticket.type().isSupport() ? null : customers.organisation(ticket.organisationId())
                .flatMap(o -> customers.plan(o.planId()))
                .flatMap(p -> policies.get(p.slaPolicyId()))
                .map(policy -> policy.target(ticket.priority(), ClockKind.FIRST_RESPONSE))
                .orElse(null);
        return new FirstResponsePromise(target, clock == null ? null : clock.dueAt(),
                supportCalendar.isOpen(now) ? null : supportCalendar.nextOpen(now), supportCalendar.zone());
    }
}
