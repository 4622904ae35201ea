package org.atende.customers.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.NoSuchElementException;

import org.atende.customers.ContactDraft;
import org.atende.customers.ContactId;
import org.atende.customers.ContactTimeZones;
import org.atende.customers.CustomerDataException;
import org.atende.customers.CustomerDataException.FieldError;
import org.atende.customers.OrganisationId;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and replaces contacts; behind {@link org.atende.customers.Customers}. */
@Service
@Transactional
public class Contacts {

    private final ContactRepository contacts;
    private final OrganisationRepository organisations;
    private final Clock clock;
    private final ZoneId supportZone;

    Contacts(ContactRepository contacts, OrganisationRepository organisations, ObjectProvider<Clock> clock,
            @Value("${atende.calendar.zone:Europe/Lisbon}") String supportZone) {
        this.contacts = contacts;
        this.organisations = organisations;
        this.clock = clock.getIfUnique(Clock::systemUTC);
        this.supportZone = ZoneId.of(supportZone);
    }

    public ContactId create(OrganisationId organisation, ContactDraft draft) {
        if (organisations.findById(organisation.value()).isEmpty()) {
            throw new NoSuchElementException("No organisation " + organisation + ".");
        }
        Valid valid = validate(draft, -1);
        String zone = valid.timeZone != null ? valid.timeZone : ContactTimeZones.of(valid.phone, supportZone).getId();
        return save(Contact.create(organisation.value(), valid.name, valid.email, valid.phone, draft.language(), zone,
                clock.instant()));
    }

    public void replace(ContactId id, ContactDraft draft) {
        Contact contact = contacts.findById(id.value())
                .orElseThrow(() -> new NoSuchElementException("No contact " + id + "."));
        Valid valid = validate(draft, id.value());
        contact.replace(valid.name, valid.email, valid.phone, draft.language(), valid.timeZone);
        save(contact);
    }

    private record Valid(String name, String email, @Nullable String phone, @Nullable String timeZone) {
    }

    private Valid validate(ContactDraft draft, long self) {
        Problems problems = new Problems();
        String name = Rules.text(draft.name(), "name", 200, problems);
        String email = Rules.email(draft.email(), "email", problems);
        String phone = Rules.phone(draft.phone(), "phone", problems);
        if (draft.language() == null) {
            problems.add("language", "must be one of ES, PT, EN");
        }
        String zone = draft.timeZone() == null || draft.timeZone().isBlank() ? null : draft.timeZone().strip();
        if (zone != null && !ContactTimeZones.isZoneId(zone)) {
            problems.add("timeZone", "must be a time zone such as Europe/Lisbon");
        }
        problems.throwIfInvalid();
        if (contacts.emailTaken(email, self)) {
            problems.add("email", "is already used by another contact");
        }
        problems.throwIfConflicting();
        return new Valid(name, email, phone, zone);
    }

    private ContactId save(Contact contact) {
        try {
            return new ContactId(contacts.save(contact).id());
        } catch (DuplicateKeyException e) { // a concurrent write took the e-mail
            throw CustomerDataException.conflict(List.of(new FieldError("email", "is already used by another contact")));
        }
    }
}
