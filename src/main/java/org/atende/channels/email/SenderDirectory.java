package org.atende.channels.email;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.atende.customers.ContactDraft;
import org.atende.customers.ContactSummary;
import org.atende.customers.Customers;
import org.atende.customers.OrganisationSummary;
import org.atende.sla.SlaPolicies;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who wrote a mail: the contact with that address; else a new contact of the organisation owning the
 * address's domain; else, when unknown senders go to triage, a new contact of the triage organisation
 * (created on first need, on the first plan); else nobody (the mail is refused).
 * <p>
 * Mail whose sender cannot be read, or should not become a contact (flagged as spam), goes to one
 * contact of the triage organisation, {@value #UNIDENTIFIED_NAME} ({@value #UNIDENTIFIED}, at the
 * {@code .invalid} domain no mail can reach), made on first need in a transaction of its own so that two
 * intakes making it at once do not fail each other's mail.
 */
@Component
class SenderDirectory {

    static final String UNIDENTIFIED = "unidentified-sender@atende.invalid";
    static final String UNIDENTIFIED_NAME = "Unidentified sender";

    private final Customers customers;
    private final TransactionTemplate separately;
    private final SlaPolicies policies;
    private final EmailProperties properties;

    SenderDirectory(Customers customers, SlaPolicies policies, EmailProperties properties, PlatformTransactionManager transactions) {
        this.customers = customers;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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

    /** The triage organisation's contact for mail from nobody the desk can name. */
    ContactSummary unidentified() {
        Optional<ContactSummary> known = customers.contactByEmail(UNIDENTIFIED);
        if (known.isPresent()) {
            return known.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return Objects.requireNonNull(separately.execute(tx -> customers.contactByEmail(UNIDENTIFIED).orElseGet(() -> {
                    OrganisationSummary triage = triage();
                    return customers.createContact(triage.id(), new ContactDraft(UNIDENTIFIED_NAME, UNIDENTIFIED, null, triage.language()));
                })));
            } catch (RuntimeException e) { // another intake made the organisation or the contact at the same moment: it is there now
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    boolean isUnidentified(ContactSummary contact) {
        return UNIDENTIFIED.equals(contact.email());
    }

    private OrganisationSummary triage() {
        try {
            return customers.triageOrganisation(properties.triageOrganisation(), policies.list().getFirst().id());
        } catch (org.atende.customers.CustomerDataException e) { // another intake created it at the same moment
            return customers.organisationByName(properties.triageOrganisation()).orElseThrow(() -> e);
        }
    }
}
