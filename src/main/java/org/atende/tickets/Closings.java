package org.atende.tickets;

import java.time.Clock;
import java.time.Instant;

import org.atende.customers.Customers;
import org.atende.customers.Language;
import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Closing a ticket without solving it: as spam, or as a duplicate merged into the ticket that goes on.
 * Either way it leaves CLOSED from any status, gives its quota unit back, and its clocks stop. Callers
 * have checked who may.
 */
@Component
class Closings {

    private final TicketRepository tickets;
    private final MessageRepository messages;
    private final Timeline timeline;
    private final TicketQuotas quotas;
    private final Customers customers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Closings(TicketRepository tickets, MessageRepository messages, Timeline timeline, TicketQuotas quotas, Customers customers,
            ApplicationEventPublisher events, Clock clock) {
        this.tickets = tickets;
        this.messages = messages;
        this.timeline = timeline;
        this.quotas = quotas;
        this.customers = customers;
        this.events = events;
        this.clock = clock;
    }

    TicketView markSpam(Ticket t, Actor actor) {
        Instant now = clock.instant();
        TicketStatus from = t.status;
        close(t, ClosedAs.SPAM, actor, now, "marked as spam");
        Ticket saved = tickets.save(t);
        events.publishEvent(new TicketStatusChanged(saved.ticketId(), from, TicketStatus.CLOSED, now));
        return tickets.findById(saved.id).orElseThrow().view();
    }

    /**
     * The duplicate closes, pointing at the ticket that goes on (the customer is told there, in their
     * language), and the surviving ticket gets an internal note with the duplicate's number and subject (written
     * without words, as staff read it in their own language). The surviving ticket's conversation shows the
     * duplicate's messages from then on (see {@link TicketConversations}).
     */
    TicketView merge(Ticket duplicate, Ticket into, Actor actor) {
        if (duplicate.id.equals(into.id)) {
            throw TicketProblems.invalid("a ticket cannot be merged into itself");
        }
        if (duplicate.organisationId != into.organisationId) {
            throw TicketProblems.mergeRefused("different-organisations", "tickets of different organisations cannot be merged");
        }
        if (into.status == TicketStatus.CLOSED) {
            throw TicketProblems.mergeRefused("target-closed", "ticket #" + into.number + " is closed; merge into an open ticket");
        }
        Instant now = clock.instant();
        TicketStatus from = duplicate.status;
        duplicate.mergedIntoId = into.id;
        close(duplicate, ClosedAs.DUPLICATE, actor, now, "merged into #" + into.number);
        Language language = quotas.languageOf(duplicate.requesterContactId,
                customers.organisation(new OrganisationId(duplicate.organisationId)).orElseThrow());
        Message notice = messages.save(new Message(duplicate.id, MessageKind.AUTOMATIC, null, null, duplicate.channel,
                mergedNotice(language, duplicate.number, into.number), now));
        messages.save(new Message(into.id, MessageKind.NOTE, actor.userId().value(), null, Channel.API,
                "#" + duplicate.number + " “" + duplicate.subject + "” → #" + into.number, now));
        timeline.append(into.ticketId(), Author.of(actor).entry(now, "MERGED_IN", "#" + duplicate.number + " merged into this ticket"));
        into.updatedAt = now;
        Ticket saved = tickets.save(duplicate);
        tickets.save(into);
        events.publishEvent(new TicketStatusChanged(saved.ticketId(), from, TicketStatus.CLOSED, now));
        events.publishEvent(new MessageAdded(saved.ticketId(), notice.id, MessageKind.AUTOMATIC, saved.channel, now));
        return tickets.findById(saved.id).orElseThrow().view();
    }

    private void close(Ticket t, ClosedAs why, Actor actor, Instant now, String detail) {
        if (t.status == TicketStatus.CLOSED) {
            throw TicketProblems.illegalTransition(TicketStatus.CLOSED, TicketStatus.CLOSED, Transitions.from(TicketStatus.CLOSED));
        }
        timeline.append(t.ticketId(), new TimelineEntry(now, actor.userId(), actor.name(), "CLOSED_AS_" + why.name(), "status",
                t.status.name(), TicketStatus.CLOSED.name(), detail));
        t.closedAs = why;
        t.moveTo(TicketStatus.CLOSED, now);
        quotas.giveBack(t, Author.of(actor), now, why == ClosedAs.SPAM ? "spam" : "merged as a duplicate");
    }

    private static String mergedNotice(Language language, long duplicate, long into) {
        return switch (language) {
            case ES -> "Su solicitud #%d continúa en el ticket #%d; le responderemos allí.".formatted(duplicate, into);
            case PT -> "O seu pedido #%d continua no ticket #%d; responderemos aí.".formatted(duplicate, into);
            case EN -> "Your request #%d continues in ticket #%d; we will answer you there.".formatted(duplicate, into);
        };
    }
}
