package org.atende.tickets;

import java.time.Instant;
import java.util.Objects;

import org.atende.customers.ContactSummary;
import org.atende.customers.Customers;
import org.atende.customers.Language;
import org.atende.customers.OrganisationId;
import org.atende.customers.OrganisationSummary;
import org.atende.customers.QuotaMessages;
import org.atende.customers.QuotaStatus;
import org.atende.customers.QuotaUnit;
import org.atende.customers.Quotas;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A ticket's unit of its organisation's monthly allowance, kept in step with the ticket: taken when a
 * support ticket opens (and the customer told when it is over the allowance), given back when it becomes
 * technical service, a duplicate or spam, taken again when it returns to support. Each step is on the
 * timeline.
 */
@Component
class TicketQuotas {

    private final Quotas quotas;
    private final Customers customers;
    private final MessageRepository messages;
    private final Timeline timeline;
    private final ApplicationEventPublisher events;
    private final TicketMeters meters;
    private final JdbcClient jdbc;

    TicketQuotas(Quotas quotas, Customers customers, MessageRepository messages, Timeline timeline, ApplicationEventPublisher events,
            TicketMeters meters, JdbcClient jdbc) {
        this.meters = meters;
        this.jdbc = jdbc;
        this.quotas = quotas;
        this.customers = customers;
        this.messages = messages;
        this.timeline = timeline;
        this.events = events;
    }

    /**
     * Counts a newly opened support ticket, the last step of its intake: the allowance's counter stays locked
     * from here until the transaction ends (see {@link Quotas#takeAtIntake}). Past a refusing plan's allowance
     * the ticket is refused (in the customer's language) and its transaction rolls back; past an accepting
     * plan's it is flagged and the customer told it is billable.
     */
    void countAtIntake(Ticket t, Author actor, java.util.function.Supplier<Language> language) {
        OrganisationId organisation = new OrganisationId(t.organisationId);
        QuotaUnit unit;
        try {
            unit = quotas.takeAtIntake(organisation, t.id, t.receivedAt, language);
        } catch (org.atende.customers.QuotaExhaustedException refused) {
            meters.refused(t.channel);
            throw refused;
        }
        timeline.append(t.ticketId(), entry(actor, t.receivedAt, "QUOTA_TAKEN", unit, taken(unit)));
        if (!unit.overQuota()) {
            return;
        }
        t.overQuota = true;
        jdbc.sql("UPDATE ticket SET over_quota = TRUE WHERE id = ?").param(t.id).update();
        QuotaStatus status = quotas.status(organisation, unit.month());
        int allowance = Objects.requireNonNullElse(status.allowance(), 0);
        Message notice = messages.save(new Message(t.id, MessageKind.AUTOMATIC, null, null, t.channel,
                QuotaMessages.acceptedOverQuota(language.get(), allowance, status.used(), status.month(), status.renewsAt(), quotas.zone()),
                t.receivedAt));
        events.publishEvent(new MessageAdded(t.ticketId(), notice.id, MessageKind.AUTOMATIC, t.channel, t.receivedAt));
        events.publishEvent(new TicketOverQuota(t.ticketId(), organisation, status.month(), allowance, status.used(), t.receivedAt));
    }

    /** A ticket moving to technical service gives its unit back; coming back to support, it takes one for its month. */
    void followType(Ticket t, Author actor, Instant now) {
        if (t.type.isSupport()) {
            take(t, actor, now, "reclassified as support");
        } else {
            giveBack(t, actor, now, "reclassified as technical service");
        }
    }

    /**
     * Takes a unit for the month the ticket was received in, for a ticket that already exists (reclassified as
     * support, split from another): past the allowance it is flagged, never refused.
     */
    void take(Ticket t, Author actor, Instant now, String because) {
        QuotaUnit unit = quotas.take(new OrganisationId(t.organisationId), t.id, t.receivedAt, because);
        t.overQuota = unit.overQuota();
        timeline.append(t.ticketId(), entry(actor, now, "QUOTA_TAKEN", unit, taken(unit)));
    }

    /** A duplicate or spam gives its unit back, and there is nothing to bill for it. */
    void giveBack(Ticket t, Author actor, Instant now, String because) {
        quotas.giveBack(t.id, because).ifPresent(unit -> {
            t.overQuota = false;
            timeline.append(t.ticketId(), entry(actor, now, "QUOTA_RETURNED", unit, "unit of " + unit.month() + " given back"));
        });
    }

    /** The language to answer a ticket's requester in: the contact's, else the organisation's. */
    Language languageOf(@Nullable Long requester, OrganisationSummary org) {
        return requester == null ? org.language()
                : customers.contact(new org.atende.customers.ContactId(requester)).map(ContactSummary::language).orElse(org.language());
    }

    private static String taken(QuotaUnit unit) {
        return "counted for " + unit.month() + (unit.overQuota() ? ", over the plan's allowance: billable" : "");
    }

    private static TimelineEntry entry(Author actor, Instant at, String kind, QuotaUnit unit, String detail) {
        return new TimelineEntry(at, actor.userId(), actor.name(), kind, "quota", null, unit.month().toString(), detail);
    }
}
