package org.atende.customers.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;

import org.atende.customers.CustomerDataException;
import org.atende.customers.CustomerDataException.FieldError;
import org.atende.customers.OrganisationDraft;
import org.atende.customers.OrganisationId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and replaces organisations; behind {@link org.atende.customers.Customers}. */
@Service
@Transactional
public class Organisations {

    private static final int MAX_DOMAINS = 50;

    private final OrganisationRepository organisations;
    private final PlanRepository plans;
    private final Clock clock;

    Organisations(OrganisationRepository organisations, PlanRepository plans, ObjectProvider<Clock> clock) {
        this.organisations = organisations;
        this.plans = plans;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    public OrganisationId create(OrganisationDraft draft) {
        Valid valid = validate(draft, -1);
        return save(Organisation.create(valid.name, draft.planId().value(), draft.language(), draft.calendarId(),
                draft.accountLeadId(), valid.domains, clock.instant()));
    }

    public void replace(OrganisationId id, OrganisationDraft draft) {
        Organisation organisation = organisations.findById(id.value())
                .orElseThrow(() -> new NoSuchElementException("No organisation " + id + "."));
        Valid valid = validate(draft, id.value());
        organisation.replace(valid.name, draft.planId().value(), draft.language(), draft.calendarId(), draft.accountLeadId(),
                valid.domains);
        save(organisation);
    }

    private record Valid(String name, List<String> domains) {
    }

    private Valid validate(OrganisationDraft draft, long self) {
        Problems problems = new Problems();
        String name = Rules.text(draft.name(), "name", 200, problems);
        if (draft.planId() == null || !plans.existsById(draft.planId().value())) {
            problems.add("planId", "is not a known plan");
        }
        if (draft.language() == null) {
            problems.add("language", "must be one of ES, PT, EN");
        }
        if (draft.emailDomains().size() > MAX_DOMAINS) {
            problems.add("emailDomains", "must have at most " + MAX_DOMAINS + " domains");
        }
        List<String> domains = new ArrayList<>();
        for (int i = 0; i < draft.emailDomains().size(); i++) {
            domains.add(Rules.domain(draft.emailDomains().get(i), "emailDomains[" + i + "]", problems));
        }
        problems.throwIfInvalid();

        if (organisations.nameTaken(name, self)) {
            problems.add("name", "is already used by another organisation");
        }
        List<String> taken = domains.isEmpty() ? List.of() : organisations.domainsOwnedElsewhere(domains, self);
        for (int i = 0; i < domains.size(); i++) {
            if (taken.contains(domains.get(i))) {
                problems.add("emailDomains[" + i + "]", domains.get(i) + " already belongs to another organisation");
            }
        }
        problems.throwIfConflicting();
        return new Valid(name, List.copyOf(new LinkedHashSet<>(domains)));
    }

    private OrganisationId save(Organisation organisation) {
        try {
            return new OrganisationId(organisations.save(organisation).id());
        } catch (DuplicateKeyException e) { // a concurrent write took the name or a domain
            throw CustomerDataException.conflict(List.of(new FieldError("organisation",
                    "has a name or an e-mail domain that another organisation took meanwhile")));
        } catch (DataIntegrityViolationException e) { // the plan was checked; calendars and users are other modules' to know
            String cause = String.valueOf(e.getMostSpecificCause().getMessage()).toLowerCase(java.util.Locale.ROOT);
            throw CustomerDataException.invalid(List.of(cause.contains("organisation_account_lead_fk")
                    ? new FieldError("accountLeadId", "is not a known user")
                    : new FieldError("calendarId", "is not a known calendar")));
        }
    }
}
