package org.atende.customers.internal;

import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;

import org.atende.customers.ContactDraft;
import org.atende.customers.ContactId;
import org.atende.customers.CustomerDataException;
import org.atende.customers.CustomerDataException.FieldError;
import org.atende.customers.OrganisationId;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
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

    Contacts(ContactRepository contacts, OrganisationRepository organisations, ObjectProvider<Clock> clock) {
        this.contacts = contacts;
        this.organisations = organisations;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    public ContactId create(OrganisationId organisation, ContactDraft draft) {
        if (organisations.findById(organisation.value()).isEmpty()) {
            throw new NoSuchElementException("No organisation " + organisation + ".");
        }
        Valid valid = validate(draft, -1);
        return save(Contact.create(organisation.value(), valid.name, valid.email, valid.phone, draft.language(),
                clock.instant()));
    }

    public void replace(ContactId id, ContactDraft draft) {
        Contact contact = contacts.findById(id.value())
                .orElseThrow(() -> new NoSuchElementException("No contact " + id + "."));
        Valid valid = validate(draft, id.value());
        contact.replace(valid.name, valid.email, valid.phone, draft.language());
        save(contact);
    }

    private record Valid(String name, String email, @Nullable String phone) {
    }

    private Valid validate(ContactDraft draft, long self) {
        Problems problems = new Problems();
        String name = Rules.text(draft.name(), "name", 200, problems);
        String email = Rules.email(draft.email(), "email", problems);
        String phone = Rules.phone(draft.phone(), "phone", problems);
        if (draft.language() == null) {
            problems.add("language", "must be one of ES, PT, EN");
        }
        problems.throwIfInvalid();
        if (contacts.emailTaken(email, self)) {
            problems.add("email", "is already used by another contact");
        }
        problems.throwIfConflicting();
        return new Valid(name, email, phone);
    }

    private ContactId save(Contact contact) {
        try {
            return new ContactId(contacts.save(contact).id());
        } catch (DuplicateKeyException e) { // a concurrent write took the e-mail
            throw CustomerDataException.conflict(List.of(new FieldError("email", "is already used by another contact")));
        }
    }
}
