package org.atende.web.admin;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.atende.customers.Customers;
import org.atende.identity.Actor;
import org.atende.identity.Identity;
import org.atende.sla.ClockKind;
import org.atende.sla.EscalationRule;
import org.atende.sla.EscalationRuleDraft;
import org.atende.sla.EscalationRules;
import org.atende.sla.Outcome;
import org.atende.tickets.Priority;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Escalation rules: leads and administrators list, create, change and delete them (as on the REST API). Problems
 * are shown next to the fields under the names the rules facade gives them ({@code conditions.planId}, …).
 */
@Controller
class EscalationRulePages {

    private final EscalationRules rules;
    private final Customers customers;
    private final Identity identity;

    EscalationRulePages(EscalationRules rules, Customers customers, Identity identity) {
        this.rules = rules;
        this.customers = customers;
        this.identity = identity;
    }

    /** The rule form as typed; ids as text ("" for none), {@code raise} is "", ONE_LEVEL or a priority. */
    record RuleForm(@Nullable Long id, String name, boolean active, String clockKind, Set<Priority> priorities, String planId,
            String organisationId, String thresholdKind, String percent, String raise, String reassignTeamId, String notifyUserId,
            String notifyTeamId) {

        static RuleForm blank() {
            return new RuleForm(null, "", true, ClockKind.RESOLUTION.name(), Set.of(), "", "", EscalationRule.Threshold.Kind.WARNING.name(),
                    "", "", "", "", "");
        }

        static RuleForm of(EscalationRule r) {
            var c = r.conditions();
            var a = r.actions();
            return new RuleForm(r.id(), r.name(), r.active(), c.clockKind().name(), c.priorities(), text(c.planId()),
                    text(c.organisationId()), r.threshold().kind().name(), text(r.threshold().percent()),
                    a.raisePriority() == null ? "" : a.raisePriority(), text(a.reassignTeamId()), text(a.notifyUserId()),
                    text(a.notifyTeamId()));
        }

        static RuleForm read(@Nullable Long id, MultiValueMap<String, String> params) {
            Set<Priority> priorities = EnumSet.noneOf(Priority.class);
            for (String p : params.getOrDefault("priorities", List.of())) {
                try {
                    priorities.add(Priority.valueOf(p));
                } catch (IllegalArgumentException ignored) { // not a priority: no condition on it
                }
            }
            return new RuleForm(id, value(params, "name"), params.containsKey("active"), value(params, "clockKind"), priorities,
                    value(params, "planId"), value(params, "organisationId"), value(params, "thresholdKind"), value(params, "percent"),
                    value(params, "raise"), value(params, "reassignTeamId"), value(params, "notifyUserId"), value(params, "notifyTeamId"));
        }

        private static String text(@Nullable Object v) {
            return v == null ? "" : v.toString();
        }

        private static String value(MultiValueMap<String, String> params, String key) {
            String v = params.getFirst(key);
            return v == null ? "" : v.strip();
        }
    }

    /** A line of the list: the rule and how many times it fired. */
    record RuleRow(EscalationRule rule, int firings) {

        /** The priorities of its conditions, lowest first (empty: any). */
        public List<Priority> priorities() {
            return rule.conditions().priorities().stream().sorted().toList();
        }
    }

    @GetMapping("/admin/escalation-rules")
    String list(@AuthenticationPrincipal Actor actor, Model model) {
        AdminAccess.lead(actor);
        model.addAttribute("rows", rules.list().stream().map(r -> new RuleRow(r, rules.firings(r.id()))).toList());
        names(model);
        return "admin/escalation-rules";
    }

    @GetMapping("/admin/escalation-rules/new")
    String create(@AuthenticationPrincipal Actor actor, Model model) {
        AdminAccess.lead(actor);
        return form(model, RuleForm.blank(), new FieldErrors());
    }

    @GetMapping("/admin/escalation-rules/{id}")
    String edit(@AuthenticationPrincipal Actor actor, @PathVariable long id, Model model) {
        AdminAccess.lead(actor);
        return form(model, RuleForm.of(rules.get(id).orElseThrow(NoSuchElementException::new)), new FieldErrors());
    }

    @PostMapping("/admin/escalation-rules")
    String save(@AuthenticationPrincipal Actor actor, @RequestParam MultiValueMap<String, String> params, Model model,
            HttpServletResponse response) {
        AdminAccess.lead(actor);
        return save(null, RuleForm.read(null, params), model, response);
    }

    @PostMapping("/admin/escalation-rules/{id}")
    String save(@AuthenticationPrincipal Actor actor, @PathVariable long id, @RequestParam MultiValueMap<String, String> params,
            Model model, HttpServletResponse response) {
        AdminAccess.lead(actor);
        rules.get(id).orElseThrow(NoSuchElementException::new);
        return save(id, RuleForm.read(id, params), model, response);
    }

    /** The confirmation step before a rule is deleted. */
    @GetMapping("/admin/escalation-rules/{id}/delete")
    String confirmDelete(@AuthenticationPrincipal Actor actor, @PathVariable long id, Model model) {
        AdminAccess.lead(actor);
        EscalationRule rule = rules.get(id).orElseThrow(NoSuchElementException::new);
        model.addAttribute("rule", rule);
        model.addAttribute("firings", rules.firings(id));
        return "admin/escalation-rule-delete";
    }

    @PostMapping("/admin/escalation-rules/{id}/delete")
    String delete(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        AdminAccess.lead(actor);
        if (!rules.delete(id)) {
            throw new NoSuchElementException();
        }
        return "redirect:/admin/escalation-rules?deleted";
    }

    private String save(@Nullable Long id, RuleForm form, Model model, HttpServletResponse response) {
        FieldErrors errors = new FieldErrors();
        ClockKind clock = Numbers.choice(ClockKind.class, form.clockKind(), "conditions.clockKind", errors);
        Long plan = Numbers.optionalWhole(form.planId(), "conditions.planId", errors);
        Long organisation = Numbers.optionalWhole(form.organisationId(), "conditions.organisationId", errors);
        EscalationRule.Threshold.Kind kind = Numbers.choice(EscalationRule.Threshold.Kind.class, form.thresholdKind(), "threshold.kind",
                errors);
        // the percent only counts for ELAPSED: a value left in the field for another kind is not a problem
        Integer percent = kind == EscalationRule.Threshold.Kind.ELAPSED ? Numbers.integer(form.percent(), "threshold.percent", errors) : null;
        Long reassign = Numbers.optionalWhole(form.reassignTeamId(), "actions.reassignTeamId", errors);
        Long notifyUser = Numbers.optionalWhole(form.notifyUserId(), "actions.notifyUserId", errors);
        Long notifyTeam = Numbers.optionalWhole(form.notifyTeamId(), "actions.notifyTeamId", errors);
        if (errors.isEmpty()) {
            var draft = new EscalationRuleDraft(form.name(), form.active(),
                    new EscalationRule.Conditions(clock, form.priorities(), plan, organisation),
                    new EscalationRule.Threshold(kind, percent),
                    new EscalationRule.Actions(form.raise().isBlank() ? null : form.raise(), reassign, notifyUser, notifyTeam));
            Outcome<EscalationRule> outcome = id == null ? rules.create(draft)
                    : rules.update(id, draft).orElseThrow(NoSuchElementException::new);
            if (outcome instanceof Outcome.Saved<EscalationRule>) {
                return "redirect:/admin/escalation-rules?saved";
            }
            errors = byField(((Outcome.Rejected<EscalationRule>) outcome).problems());
        }
        response.setStatus(400);
        return form(model, form, errors);
    }

    /** The facade writes "field: problem"; a field the form shows gets its problem beside it, anything else goes above. */
    static FieldErrors byField(List<String> problems) {
        List<String> fields = List.of("name", "conditions.clockKind", "conditions.planId", "conditions.organisationId", "threshold.kind",
                "threshold.percent", "actions", "actions.raisePriority", "actions.reassignTeamId", "actions.notifyUserId",
                "actions.notifyTeamId");
        FieldErrors errors = new FieldErrors();
        for (String problem : problems) {
            int colon = problem.indexOf(':');
            String field = colon < 0 ? "" : problem.substring(0, colon);
            if (fields.contains(field)) {
                errors.add(field, problem.substring(colon + 1).strip());
            } else {
                errors.general(problem);
            }
        }
        return errors;
    }

    private String form(Model model, RuleForm form, FieldErrors errors) {
        model.addAttribute("rule", form);
        model.addAttribute("errors", errors);
        model.addAttribute("clockKinds", ClockKind.values());
        model.addAttribute("thresholds", EscalationRule.Threshold.Kind.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("plans", customers.plans());
        model.addAttribute("organisations", customers.organisations(0, 500));
        model.addAttribute("teams", identity.teams());
        model.addAttribute("staff", Staff.all(identity));
        return "admin/escalation-rule";
    }

    /** Names of what the rules refer to, by id, for the list. */
    private void names(Model model) {
        Map<Long, String> plans = new LinkedHashMap<>();
        customers.plans().forEach(p -> plans.put(p.id().value(), p.name()));
        Map<Long, String> organisations = new LinkedHashMap<>();
        customers.organisations(0, 500).forEach(o -> organisations.put(o.id().value(), o.name()));
        Map<Long, String> teams = new LinkedHashMap<>();
        identity.teams().forEach(t -> teams.put(t.id().value(), t.name()));
        Map<Long, String> users = new LinkedHashMap<>();
        Staff.all(identity).forEach(u -> users.put(u.id().value(), u.name()));
        model.addAttribute("planNames", plans);
        model.addAttribute("organisationNames", organisations);
        model.addAttribute("teamNames", teams);
        model.addAttribute("userNames", users);
        model.addAttribute("oneLevel", EscalationRule.Actions.ONE_LEVEL);
    }

}
