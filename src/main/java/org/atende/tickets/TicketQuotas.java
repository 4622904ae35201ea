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

    TicketQuotas(Quotas quotas, Customers customers, MessageRepository messages, Timeline timeline, ApplicationEventPublisher events,
            TicketMeters meters) {
        this.meters = meters;
        this.quotas = quotas;
        this.customers = customers;
        this.messages = messages;
        this.timeline = timeline;
        this.events = events;
    }

    /**
     * Whether a support ticket received now may open (refused past a refusing plan's allowance, in the
     * customer's language) and whether it is over the allowance; the allowance stays locked until the
     * transaction ends, so concurrent intake counts exactly.
     */
    boolean admit(OrganisationId organisation, Instant receivedAt, Language language, Channel channel) {
        try {
            return quotas.admit(organisation, receivedAt, language);
        } catch (org.atende.customers.QuotaExhaustedException refused) {
            meters.refused(channel);
            throw refused;
        }
    }

    /** Counts a newly opened support ticket; over the allowance, the customer is told it is billable. */
    void count(Ticket t, Author actor, Instant now, Language language) {
        OrganisationId organisation = new OrganisationId(t.organisationId);
        QuotaUnit unit = quotas.take(organisation, t.id, now, "opened");
        timeline.append(t.ticketId(), entry(actor, now, "QUOTA_TAKEN", unit, taken(unit)));
        if (!unit.overQuota()) {
            return;
        }
        QuotaStatus status = quotas.status(organisation, quotas.monthOf(t.receivedAt));
        int allowance = Objects.requireNonNullElse(status.allowance(), 0);
        Message notice = messages.save(new Message(t.id, MessageKind.AUTOMATIC, null, null, t.channel,
                QuotaMessages.acceptedOverQuota(language, allowance, status.used(), status.month(), status.renewsAt(), quotas.zone()), now));
        events.publishEvent(new MessageAdded(t.ticketId(), notice.id, MessageKind.AUTOMATIC, t.channel, now));
        events.publishEvent(new TicketOverQuota(t.ticketId(), organisation, status.month(), allowance, status.used(), now));
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
