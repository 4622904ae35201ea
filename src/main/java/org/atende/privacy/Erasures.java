package org.atende.privacy;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.atende.audit.AuditAction;
import org.atende.audit.AuditKind;
import org.atende.audit.AuditLog;
import org.atende.audit.AuditedChange;
import org.atende.customers.ContactErased;
import org.atende.customers.ContactId;
import org.atende.customers.ContactSummary;
import org.atende.customers.Customers;
import org.atende.identity.Actor;
import org.atende.identity.Identity;
import org.atende.identity.UserSummary;
import org.atende.problems.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a contact's personal data, in one transaction: the contact is anonymised (customers), then
 * {@link ContactErased} is published with every name and address the person was known by, and each module
 * erases its part synchronously; the audit log gets one entry with the counts (never the erased values).
 * Either all of it commits or none. An erased contact cannot be erased again (409).
 */
@Service
public class Erasures {

    private final Customers customers;
    private final Identity identity;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    Erasures(Customers customers, Identity identity, ApplicationEventPublisher events, AuditLog audit, Clock clock) {
        this.customers = customers;
        this.identity = identity;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ErasureReport erase(ContactId id, @Nullable String confirm, Actor actor) {
        PrivacyProblems.adminOnly(actor, "erase a contact's personal data");
        ContactSummary contact = customers.contact(id).orElseThrow(() -> Problem.notFound("contact " + id.value()));
        PrivacyProblems.requireConfirmation(confirm == null ? "" : confirm, PrivacyProblems.ERASE, "erasing a contact");
        var at = clock.instant();
        if (customers.erasedAt(id).isPresent() || customers.eraseContact(id, at).isEmpty()) {
            throw Problem.conflict("contact " + id.value() + " was erased already");
        }
        Set<String> names = new LinkedHashSet<>();
        Set<String> addresses = new LinkedHashSet<>();
        Set<Long> users = new LinkedHashSet<>();
        names.add(contact.name());
        add(addresses, contact.email());
        add(addresses, contact.phone());
        add(addresses, contact.whatsappUserId());
        for (UserSummary user : identity.usersOf(id)) {
            users.add(user.id().value());
            names.add(user.name());
            add(addresses, user.email());
        }
        ContactErased erased = new ContactErased(id, contact.organisationId(), names, addresses, users, at);
        events.publishEvent(erased);
        Map<String, Integer> counted = new LinkedHashMap<>(erased.counted());
        Map<String, @Nullable Object> after = new LinkedHashMap<>(counted);
        after.put("organisation", contact.organisationId().value());
        audit.record(new AuditedChange(AuditKind.CONTACT, AuditAction.ERASED, String.valueOf(id.value()),
                "Contact #" + id.value(), Map.of(), after));
        return new ErasureReport(id.value(), contact.organisationId().value(), at, counted);
    }

    private static void add(Set<String> addresses, @Nullable String address) {
        if (address != null && !address.isBlank()) {
            addresses.add(address.strip());
        }
    }
}
