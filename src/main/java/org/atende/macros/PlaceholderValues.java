package org.atende.macros;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

import org.atende.customers.ContactSummary;
import org.atende.customers.Customers;
import org.atende.customers.Language;
import org.atende.customers.OrganisationSummary;
import org.atende.customers.PlanSummary;
import org.atende.customers.Quotas;
import org.atende.identity.Actor;
import org.atende.sla.ClockState;
import org.atende.sla.ClockView;
import org.atende.sla.SlaClocks;
import org.atende.sla.TicketClocks;
import org.atende.tickets.TicketView;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The values of the placeholders for one ticket, agent and language. Fallbacks, when the ticket lacks the value:
 * no requester — the contact's names are "cliente" (pt, es) or "customer" (en); no plan — "—"; a due time when
 * that clock is not running towards a time ahead (met, paused, breached, technical service, none) — "o mais
 * brevemente possível", "lo antes posible", "as soon as possible". Due times are read from the ticket's SLA
 * clocks, as the desk's clock columns are, and written in the requester's time zone (else the support zone).
 */
@Component
class PlaceholderValues {

    private final Customers customers;
    private final Quotas quotas;
    private final SlaClocks clocks;

    PlaceholderValues(Customers customers, Quotas quotas, SlaClocks clocks) {
        this.customers = customers;
        this.quotas = quotas;
        this.clocks = clocks;
    }

    /** The ticket's language: its requester's, else its organisation's. */
    Language languageOf(TicketView t) {
        ContactSummary contact = contact(t);
        return contact != null ? contact.language()
                : customers.organisation(t.organisationId()).map(OrganisationSummary::language).orElse(Language.EN);
    }

    Map<Placeholder, String> of(TicketView t, Actor agent, Language language, Instant now) {
        ContactSummary contact = contact(t);
        OrganisationSummary org = customers.organisation(t.organisationId()).orElse(null);
        String plan = org == null ? null : customers.plan(org.planId()).map(PlanSummary::name).orElse(null);
        ZoneId zone = contact != null ? contact.timeZone() : quotas.zone();
        TicketClocks read = clocks.clocksOf(t.id(), now);
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        values.put(Placeholder.CONTACT_FIRST_NAME, contact == null ? customer(language) : firstWord(contact.name()));
        values.put(Placeholder.CONTACT_NAME, contact == null ? customer(language) : contact.name().strip());
        values.put(Placeholder.TICKET_NUMBER, Long.toString(t.number()));
        values.put(Placeholder.TICKET_SUBJECT, t.subject());
        values.put(Placeholder.AGENT_NAME, agent.name().strip());
        values.put(Placeholder.AGENT_FIRST_NAME, firstWord(agent.name()));
        values.put(Placeholder.ORGANISATION_NAME, org == null ? "—" : org.name());
        values.put(Placeholder.PLAN_NAME, plan == null ? "—" : plan);
        values.put(Placeholder.FIRST_RESPONSE_DUE, due(read.firstResponse(), language, zone, now));
        values.put(Placeholder.RESOLUTION_DUE, due(read.resolution(), language, zone, now));
        return values;
    }

    private @Nullable ContactSummary contact(TicketView t) {
        return t.requesterContactId() == null ? null : customers.contact(t.requesterContactId()).orElse(null);
    }

    private static String due(@Nullable ClockView clock, Language language, ZoneId zone, Instant now) {
        if (clock == null || clock.state() != ClockState.RUNNING || clock.isExcluded() || clock.dueAt() == null
                || !clock.dueAt().isAfter(now)) {
            return DueWording.soon(language);
        }
        return DueWording.by(language, clock.dueAt(), zone, now);
    }

    private static String customer(Language language) {
        return language == Language.EN ? "customer" : "cliente";
    }

    private static String firstWord(String name) {
        String n = name.strip();
        int space = n.indexOf(' ');
        return space < 0 ? n : n.substring(0, space);
    }
}
