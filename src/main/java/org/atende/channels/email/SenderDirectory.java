package org.atende.channels.email;

import java.util.Locale;
import java.util.Optional;

import org.atende.customers.ContactDraft;
import org.atende.customers.ContactSummary;
import org.atende.customers.Customers;
import org.atende.customers.OrganisationSummary;
import org.atende.sla.SlaPolicies;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who wrote a mail: the contact with that address; else a new contact of the organisation owning the
 * address's domain; else, when unknown senders go to triage, a new contact of the triage organisation
 * (created on first need, on the first plan); else nobody (the mail is refused).
 */
@Component
class SenderDirectory {

    private final Customers customers;
    private final SlaPolicies policies;
    private final EmailProperties properties;

    SenderDirectory(Customers customers, SlaPolicies policies, EmailProperties properties) {
        this.customers = customers;
        this.policies = policies;
        this.properties = properties;
    }

    /** The contact with this address, if there is one; nobody is created. */
    Optional<ContactSummary> known(String address) {
        return customers.contactByEmail(address.strip().toLowerCase(Locale.ROOT));
    }

    Optional<ContactSummary> contactFor(String address, @Nullable String displayName) {
        String email = address.strip().toLowerCase(Locale.ROOT);
        Optional<ContactSummary> known = customers.contactByEmail(email);
        if (known.isPresent()) {
            return known;
        }
        String domain = email.substring(email.indexOf('@') + 1);
        Optional<OrganisationSummary> owner = customers.organisationByDomain(domain);
        if (owner.isEmpty() && properties.unknownSenders() == EmailProperties.UnknownSenders.REFUSE) {
            return Optional.empty();
        }
        OrganisationSummary organisation = owner.orElseGet(this::triage);
        String name = displayName == null || displayName.isBlank() ? email.substring(0, email.indexOf('@')) : displayName.strip();
        return Optional.of(customers.createContact(organisation.id(),
                new ContactDraft(name.length() > 200 ? name.substring(0, 200) : name, email, null, organisation.language())));
    }

    private OrganisationSummary triage() {
        try {
            return customers.triageOrganisation(properties.triageOrganisation(), policies.list().getFirst().id());
        } catch (org.atende.customers.CustomerDataException e) { // another intake created it at the same moment
            return customers.organisationByName(properties.triageOrganisation()).orElseThrow(() -> e);
        }
    }
}
