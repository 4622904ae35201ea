package org.atende.customers.internal;

import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import org.atende.customers.CustomerDataException;
import org.atende.customers.CustomerDataException.FieldError;
import org.atende.customers.PlanDraft;
import org.atende.customers.PlanId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and replaces plans; behind {@link org.atende.customers.Customers}. */
@Service
@Transactional
public class Plans {

    /** The priorities a ticket can have, as the support terms name them. */
    static final Set<String> PRIORITIES = Set.of("LOW", "MEDIUM", "HIGH", "URGENT");

    private final PlanRepository plans;
    private final Clock clock;

    Plans(PlanRepository plans, ObjectProvider<Clock> clock) {
        this.plans = plans;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    public PlanId create(PlanDraft draft) {
        String name = validate(draft, -1);
        return save(Plan.create(draft, name, clock.instant()));
    }

    public void replace(PlanId id, PlanDraft draft) {
        Plan plan = plans.findById(id.value()).orElseThrow(() -> new NoSuchElementException("No plan " + id + "."));
        String name = validate(draft, id.value());
        plan.replace(draft, name);
        save(plan);
    }

    private String validate(PlanDraft draft, long self) {
        Problems problems = new Problems();
        String name = Rules.text(draft.name(), "name", 120, problems);
        if (draft.slaPolicyId() <= 0) {
            problems.add("slaPolicyId", "is not a known SLA policy");
        }
        if (draft.defaultPriority() == null || !PRIORITIES.contains(draft.defaultPriority())) {
            problems.add("defaultPriority", "must be one of LOW, MEDIUM, HIGH, URGENT");
        }
        if (draft.monthlyTicketAllowance() != null && draft.monthlyTicketAllowance() < 0) {
            problems.add("monthlyTicketAllowance", "must be 0 or more, or left out for an unlimited plan");
        }
        problems.throwIfInvalid();
        if (plans.nameTaken(name, self)) {
            problems.add("name", "is already used by another plan");
        }
        problems.throwIfConflicting();
        return name;
    }

    private PlanId save(Plan plan) {
        try {
            return new PlanId(plans.save(plan).id());
        } catch (DuplicateKeyException e) { // a concurrent write took the name
            throw CustomerDataException.conflict(List.of(new FieldError("name", "is already used by another plan")));
        } catch (DataIntegrityViolationException e) { // policies are sla's; the foreign key knows them
            throw CustomerDataException.invalid(List.of(new FieldError("slaPolicyId", "is not a known SLA policy")));
        }
    }
}
