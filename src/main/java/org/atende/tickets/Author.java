package org.atende.tickets;

import org.atende.customers.ContactId;
import org.atende.customers.ContactSummary;
import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.UserId;
import org.jspecify.annotations.Nullable;

/**
 * Who writes on a ticket: a signed-in user (staff or customer), or a contact writing on a channel
 * (e-mail, WhatsApp) who may have no account at all.
 */
record Author(@Nullable UserId userId, String name, boolean staff, @Nullable OrganisationId organisationId,
        @Nullable ContactId contactId) {

    static Author of(Actor actor) {
        return new Author(actor.userId(), actor.name(), actor.isStaff(), actor.organisationId(), actor.contactId());
    }

    static Author of(ContactSummary contact) {
        return new Author(null, contact.name(), false, contact.organisationId(), contact.id());
    }

    @Nullable Long userIdValue() {
        return userId == null ? null : userId.value();
    }

    @Nullable Long contactIdValue() {
        return contactId == null ? null : contactId.value();
    }

    boolean canSee(OrganisationId organisation) {
        return staff || organisation.equals(organisationId);
    }

    TimelineEntry entry(java.time.Instant at, String kind, @Nullable String detail) {
        return new TimelineEntry(at, userId, name, kind, null, null, null, detail);
    }
}
