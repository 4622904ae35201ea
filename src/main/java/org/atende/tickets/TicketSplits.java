package org.atende.tickets;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.atende.customers.Customers;
import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Splitting a ticket: one message (a customer's, or an internal note) moves, with its attachments, into a new
 * ticket of the same organisation, requested by whoever wrote it (else the original's requester), received when
 * the message was written, so its clocks count from then. Only that message moves: what followed it stays, as
 * it may answer either question. The new ticket takes a quota unit for that month, flagged past the allowance
 * and never refused (the customer already asked), and both timelines name the other ticket.
 */
@Service
@Transactional
public class TicketSplits {

    private final TicketRepository tickets;
    private final MessageRepository messages;
    private final Timeline timeline;
    private final TicketQuotas quotas;
    private final Customers customers;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TicketSearch search;

    TicketSplits(TicketRepository tickets, MessageRepository messages, Timeline timeline, TicketQuotas quotas,
            Customers customers, ApplicationEventPublisher events, JdbcClient jdbc, Clock clock, TicketSearch search) {
        this.search = search;
        this.tickets = tickets;
        this.messages = messages;
        this.timeline = timeline;
        this.quotas = quotas;
        this.customers = customers;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Moves message {@code messageId} of ticket {@code id} into a new ticket with {@code subject} (blank: the message's first line). */
    public TicketView split(TicketId id, long messageId, @Nullable String subject, Actor actor) {
        Ticket original = tickets.findById(id.value()).filter(t -> actor.canSee(new OrganisationId(t.organisationId)))
                .orElseThrow(() -> TicketProblems.notFound("ticket " + id));
        if (!actor.isStaff()) {
            throw TicketProblems.forbidden("only Customer Care staff may split a ticket");
        }
        // the message's row is locked: two splits of one message at once make one ticket, the other finds it gone
        jdbc.sql("SELECT id FROM message WHERE id = ? AND ticket_id = ? FOR UPDATE").params(messageId, original.id)
                .query(Long.class).optional().orElseThrow(() -> TicketProblems.notFound("message " + messageId + " of ticket #" + original.number));
        Message m = messages.findById(messageId).orElseThrow();
        check(original, m);
        Instant now = clock.instant();
        Long requester = m.kind == MessageKind.CUSTOMER && m.authorContactId != null ? m.authorContactId : original.requesterContactId;
        Priority priority = customers.organisation(new OrganisationId(original.organisationId))
                .flatMap(o -> customers.plan(o.planId())).map(p -> Priority.valueOf(p.defaultPriority())).orElse(Priority.MEDIUM);
        TicketType type = original.type.isSupport() ? TicketType.QUESTION : original.type;
        long number = jdbc.sql("SELECT NEXTVAL('ticket_number_seq')").query(Long.class).single();
        Ticket split = new Ticket(number, original.organisationId, requester, original.channel, subject(subject, m, original),
                type, type.isSupport() ? null : TechnicalServiceCategory.OTHER.code(), priority, null,
                m.createdAt.truncatedTo(ChronoUnit.SECONDS));
        split.updatedAt = now;
        split = tickets.save(split);
        jdbc.sql("UPDATE message SET ticket_id = ? WHERE id = ?").params(split.id, m.id).update();
        jdbc.sql("UPDATE attachment SET ticket_id = ? WHERE message_id = ?").params(split.id, m.id).update();
        search.reindex(split.id); // the message's words move with it
        search.reindex(original.id);
        Author author = Author.of(actor);
        timeline.append(split.ticketId(), author.entry(now, "CREATED", "#" + number + " split from #" + original.number
                + " via " + split.channel + ", priority " + priority));
        timeline.append(split.ticketId(), new TimelineEntry(now, actor.userId(), actor.name(), "SPLIT_FROM", "ticket",
                null, "#" + original.number, "message " + m.id + " moved from #" + original.number));
        timeline.append(original.ticketId(), new TimelineEntry(now, actor.userId(), actor.name(), "SPLIT_INTO", "ticket",
                null, "#" + number, "message " + m.id + " moved to new ticket #" + number));
        if (split.type.isSupport()) {
            quotas.take(split, author, now, "split from #" + original.number);
            split = tickets.save(split);
        }
        original.updatedAt = now;
        tickets.save(original);
        events.publishEvent(new TicketOpened(split.ticketId(), number, new OrganisationId(split.organisationId), priority,
                split.type, split.channel, split.receivedAt));
        return tickets.findById(split.id).orElseThrow().view();
    }

    private void check(Ticket original, Message m) {
        if (original.status == TicketStatus.CLOSED) {
            throw TicketProblems.splitRefused("closed", "ticket #" + original.number + " is closed; its conversation stays as it is");
        }
        if (m.kind != MessageKind.CUSTOMER && m.kind != MessageKind.NOTE) {
            throw TicketProblems.splitRefused("kind", "only a customer's message or an internal note moves to a new ticket, not "
                    + m.kind.name().toLowerCase(java.util.Locale.ROOT) + " message " + m.id);
        }
        List<Message> all = messages.findByTicket(original.id);
        if (!all.isEmpty() && all.getFirst().id.equals(m.id)) {
            throw TicketProblems.splitRefused("first-message", "message " + m.id + " opened ticket #" + original.number
                    + "; split a later message");
        }
    }

    private static String subject(@Nullable String given, Message m, Ticket original) {
        String subject = given == null ? "" : given.strip();
        if (subject.isEmpty()) {
            subject = m.body.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse(original.subject).strip();
        }
        if (subject.length() > 300) {
            subject = subject.substring(0, 299).strip() + "…";
        }
        return subject;
    }
}
