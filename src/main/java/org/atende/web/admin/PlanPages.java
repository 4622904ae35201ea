package org.atende.web.admin;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.atende.customers.CustomerDataException;
import org.atende.customers.Customers;
import org.atende.customers.OrganisationDraft;
import org.atende.customers.OrganisationSummary;
import org.atende.customers.OverQuotaPolicy;
import org.atende.customers.PlanDraft;
import org.atende.customers.PlanId;
import org.atende.customers.PlanSummary;
import org.atende.customers.Quotas;
import org.atende.identity.Actor;
import org.atende.identity.Identity;
import org.atende.identity.UserSummary;
import org.atende.sla.SlaPolicies;
import org.atende.sla.SlaPolicy;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Plans (an administrator creates and edits them) and organisations with this month's quota use; an
 * administrator moves an organisation to another plan, a lead or administrator names its account lead.
 */
@Controller
class PlanPages {

    private static final int PAGE = 50;

    private final Customers customers;
    private final Quotas quotas;
    private final SlaPolicies policies;
    private final Identity identity;

    PlanPages(Customers customers, Quotas quotas, SlaPolicies policies, Identity identity) {
        this.customers = customers;
        this.quotas = quotas;
        this.policies = policies;
        this.identity = identity;
    }

    /** What the plan form holds, as typed. */
    record PlanForm(@Nullable Long id, String name, String allowance, boolean unlimited, String overQuotaPolicy,
            String slaPolicyId, String defaultPriority) {

        static PlanForm of(PlanSummary p) {
            return new PlanForm(p.id().value(), p.name(), p.monthlyTicketAllowance() == null ? "" : p.monthlyTicketAllowance().toString(),
                    p.monthlyTicketAllowance() == null, p.overQuotaPolicy().name(), Long.toString(p.slaPolicyId()), p.defaultPriority());
        }
    }

    @GetMapping("/admin/plans")
    String plans(@AuthenticationPrincipal Actor actor, Model model) {
        AdminAccess.lead(actor);
        model.addAttribute("plans", customers.plans());
        model.addAttribute("policyNames", policyNames());
        return "admin/plans";
    }

    @GetMapping("/admin/plans/new")
    String newPlan(@AuthenticationPrincipal Actor actor, Model model) {
        AdminAccess.admin(actor);
        long standard = policies.list().stream().map(SlaPolicy::id).findFirst().orElse(0L);
        return planForm(model, new PlanForm(null, "", "", true, OverQuotaPolicy.ACCEPT_AND_FLAG.name(), Long.toString(standard),
                "MEDIUM"), new FieldErrors());
    }

    @GetMapping("/admin/plans/{id}")
    String editPlan(@AuthenticationPrincipal Actor actor, @PathVariable long id, Model model) {
        AdminAccess.lead(actor);
        PlanSummary plan = customers.plan(new PlanId(id)).orElseThrow(NoSuchElementException::new);
        return planForm(model, PlanForm.of(plan), new FieldErrors());
    }

    @PostMapping("/admin/plans")
    String createPlan(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String allowance, @RequestParam(defaultValue = "false") boolean unlimited,
            @RequestParam(defaultValue = "") String overQuotaPolicy, @RequestParam(defaultValue = "") String slaPolicyId,
            @RequestParam(defaultValue = "MEDIUM") String defaultPriority, Model model, HttpServletResponse response) {
        AdminAccess.admin(actor);
        return savePlan(null, new PlanForm(null, name, allowance, unlimited, overQuotaPolicy, slaPolicyId, defaultPriority),
                model, response);
    }

    @PostMapping("/admin/plans/{id}")
    String updatePlan(@AuthenticationPrincipal Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String allowance, @RequestParam(defaultValue = "false") boolean unlimited,
            @RequestParam(defaultValue = "") String overQuotaPolicy, @RequestParam(defaultValue = "") String slaPolicyId,
            @RequestParam(defaultValue = "MEDIUM") String defaultPriority, Model model, HttpServletResponse response) {
        AdminAccess.admin(actor);
        customers.plan(new PlanId(id)).orElseThrow(NoSuchElementException::new);
        return savePlan(id, new PlanForm(id, name, allowance, unlimited, overQuotaPolicy, slaPolicyId, defaultPriority),
                model, response);
    }

    private String savePlan(@Nullable Long id, PlanForm form, Model model, HttpServletResponse response) {
        FieldErrors errors = new FieldErrors();
        Integer allowance = null;
        if (!form.unlimited()) {
            allowance = Numbers.integer(form.allowance(), "monthlyTicketAllowance", errors);
            if (allowance == null && !errors.has("monthlyTicketAllowance")) {
                errors.add("monthlyTicketAllowance", "is required unless the plan is unlimited");
            }
        }
        Long policy = Numbers.whole(form.slaPolicyId(), "slaPolicyId", errors);
        OverQuotaPolicy overQuota = Numbers.choice(OverQuotaPolicy.class, form.overQuotaPolicy(), "overQuotaPolicy", errors);
        if (errors.isEmpty()) {
            PlanDraft draft = new PlanDraft(form.name(), policy, form.defaultPriority(), allowance, overQuota);
            try {
                if (id == null) {
                    customers.createPlan(draft);
                } else {
                    customers.updatePlan(new PlanId(id), draft);
                }
                return "redirect:/admin/plans?saved";
            } catch (CustomerDataException refused) {
                refused.errors().forEach(e -> errors.add(e.field(), e.message()));
            }
        }
        response.setStatus(400);
        return planForm(model, form, errors);
    }

    private String planForm(Model model, PlanForm form, FieldErrors errors) {
        model.addAttribute("plan", form);
        model.addAttribute("errors", errors);
        model.addAttribute("policies", policies.list());
        model.addAttribute("overQuotaPolicies", OverQuotaPolicy.values());
        return "admin/plan";
    }

    /** One row of the organisations table: the organisation, its plan and this month's quota. */
    record OrganisationRow(OrganisationSummary organisation, @Nullable PlanSummary plan, org.atende.customers.QuotaStatus quota,
            @Nullable UserSummary accountLead) {
    }

    @GetMapping("/admin/organisations")
    String organisations(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
        AdminAccess.lead(actor);
        int p = Math.max(0, page);
        Map<PlanId, PlanSummary> plans = customers.plans().stream().collect(Collectors.toMap(PlanSummary::id, Function.identity()));
        List<OrganisationRow> rows = customers.organisations(p, PAGE).stream().map(o -> new OrganisationRow(o, plans.get(o.planId()),
                quotas.status(o.id()), o.accountLeadId() == null ? null
                        : identity.user(new org.atende.identity.UserId(o.accountLeadId())).orElse(null))).toList();
        long total = customers.countOrganisations();
        model.addAttribute("rows", rows);
        model.addAttribute("page", p);
        model.addAttribute("hasNext", (long) (p + 1) * PAGE < total);
        return "admin/organisations";
    }

    @GetMapping("/admin/organisations/{id}")
    String organisation(@AuthenticationPrincipal Actor actor, @PathVariable long id, Model model) {
        AdminAccess.lead(actor);
        OrganisationSummary o = customers.organisation(new org.atende.customers.OrganisationId(id)).orElseThrow(NoSuchElementException::new);
        return organisationForm(model, actor, o, new FieldErrors());
    }

    /** Plan and account lead; only an administrator changes the plan (as the API), staff the account lead. */
    @PostMapping("/admin/organisations/{id}")
    String updateOrganisation(@AuthenticationPrincipal Actor actor, @PathVariable long id,
            @RequestParam(defaultValue = "") String planId, @RequestParam(defaultValue = "") String accountLeadId, Model model,
            HttpServletResponse response) {
        AdminAccess.lead(actor);
        OrganisationSummary o = customers.organisation(new org.atende.customers.OrganisationId(id)).orElseThrow(NoSuchElementException::new);
        FieldErrors errors = new FieldErrors();
        Long plan = Numbers.whole(planId, "planId", errors);
        Long lead = accountLeadId.isBlank() ? null : Numbers.whole(accountLeadId, "accountLeadId", errors);
        if (errors.isEmpty()) {
            if (plan != o.planId().value()) {
                AdminAccess.admin(actor);
            }
            try {
                customers.updateOrganisation(o.id(), new OrganisationDraft(o.name(), new PlanId(plan), o.language(), o.calendarId(),
                        o.emailDomains(), lead));
                return "redirect:/admin/organisations?saved";
            } catch (CustomerDataException refused) {
                refused.errors().forEach(e -> errors.add(e.field(), e.message()));
            }
        }
        response.setStatus(400);
        return organisationForm(model, actor, o, errors);
    }

    private String organisationForm(Model model, Actor actor, OrganisationSummary o, FieldErrors errors) {
        model.addAttribute("organisation", o);
        model.addAttribute("quota", quotas.status(o.id()));
        model.addAttribute("plans", customers.plans());
        model.addAttribute("staff", Staff.all(identity).stream().filter(u -> u.role() != org.atende.identity.Role.AGENT)
                .sorted(Comparator.comparing(UserSummary::name)).toList());
        model.addAttribute("mayChangePlan", actor.isAdmin());
        model.addAttribute("errors", errors);
        return "admin/organisation";
    }

    private Map<Long, String> policyNames() {
        return policies.list().stream().collect(Collectors.toMap(SlaPolicy::id, SlaPolicy::name));
    }
}
