package org.atende.channels.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.atende.calendar.BusinessCalendar;
import org.atende.customers.ContactSummary;
import org.atende.customers.Customers;
import org.atende.customers.Language;
import org.atende.notifications.Outbox;
import org.atende.notifications.Outgoing;
import org.atende.sla.ClockKind;
import org.atende.sla.ClockView;
import org.atende.sla.SlaClocks;
import org.atende.sla.SlaPolicies;
import org.atende.sla.SlaTarget;
import org.atende.tickets.Channel;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.atende.tickets.TimelineEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Acknowledges a ticket opened by e-mail, in the contact's language: its number, the first-response
 * target and when it falls, and when the desk is closed, when it opens next. A sender gets at most
 * {@code atende.email.acknowledgements-per-hour}; past that the ticket says why none was sent.
 */
@Component
class Acknowledgements {

    private final Outbox outbox;
    private final MailComposer composer;
    private final SlaClocks clocks;
    private final SlaPolicies policies;
    private final Customers customers;
    private final Tickets tickets;
    private final BusinessCalendar supportCalendar;
    private final EmailProperties properties;
    private final Clock clock;

    Acknowledgements(Outbox outbox, MailComposer composer, SlaClocks clocks, SlaPolicies policies, Customers customers,
            Tickets tickets, BusinessCalendar supportCalendar, EmailProperties properties, Clock clock) {
        this.outbox = outbox;
        this.composer = composer;
        this.clocks = clocks;
        this.policies = policies;
        this.customers = customers;
        this.tickets = tickets;
        this.supportCalendar = supportCalendar;
        this.properties = properties;
        this.clock = clock;
    }

    void acknowledge(TicketView ticket, ContactSummary contact) {
        Instant now = clock.instant();
        int sent = outbox.countSince(Channel.EMAIL, contact.email(), Outgoing.Purpose.ACKNOWLEDGEMENT, now.minus(Duration.ofHours(1)));
        if (sent >= properties.acknowledgementsPerHour()) {
            tickets.recordOnTimeline(ticket.id(), TimelineEntry.bySystem(now, "ACKNOWLEDGEMENT_SKIPPED",
                    contact.email() + " had " + sent + " acknowledgements in the last hour"));
            return;
        }
        ClockView firstResponse = clocks.clocksOf(ticket.id(), now).firstResponse();
        Instant due = firstResponse == null ? null : firstResponse.dueAt();
        Instant opensAt = supportCalendar.isOpen(now) ? null : supportCalendar.nextOpen(now);
        Language language = contact.language();
        String body = MailTexts.acknowledgement(language, contact.name(), ticket.number(), target(ticket).orElse(null), due,
                opensAt, supportCalendar.zone());
        outbox.enqueue(composer.aboutTicket(Outgoing.Purpose.ACKNOWLEDGEMENT, ticket.id(), ticket.number(), null,
                contact.email(), MailTexts.acknowledgementSubject(language, ticket.subject()), body, language, true));
    }

    private Optional<@Nullable SlaTarget> target(TicketView ticket) {
        if (!ticket.type().isSupport()) {
            return Optional.empty();
        }
        return customers.organisation(ticket.organisationId())
                .flatMap(o -> customers.plan(o.planId()))
                .flatMap(p -> policies.get(p.slaPolicyId()))
                .map(policy -> policy.target(ticket.priority(), ClockKind.FIRST_RESPONSE));
    }
}
