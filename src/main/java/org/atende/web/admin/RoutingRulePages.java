package org.atende.web.admin;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import org.atende.customers.Customers;
import org.atende.customers.Language;
import org.atende.identity.Actor;
import org.atende.identity.Identity;
import org.atende.routing.RoutingMethod;
import org.atende.routing.RoutingOutcome;
import org.atende.routing.RoutingRule;
import org.atende.routing.RoutingRuleDraft;
import org.atende.routing.RoutingRules;
import org.atende.routing.RoutingSettings;
import org.atende.routing.RuleProblem;
import org.atende.tickets.Channel;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketType;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
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
 * Routing rules: leads and administrators list them in the order they are tried, move them up and down, create,
 * change and delete them (as on the REST API); administrators set the default team. Problems are shown beside the
 * fields, in the reader's language.
 */
@Controller
class RoutingRulePages {

    private final RoutingRules rules;
    private final Customers customers;
    private final Identity identity;
    private final MessageSource messages;

    RoutingRulePages(RoutingRules rules, Customers customers, Identity identity, MessageSource messages) {
        this.rules = rules;
        this.customers = customers;
        this.identity = identity;
        this.messages = messages;
    }

    /** The form as typed: lists of names, ids as text ("" for none), categories and tags comma-separated, words one a line. */
    record RuleForm(@Nullable Long id, String name, boolean active, List<String> channels, String organisationId, String planId,
            List<String> types, String categories, List<String> languages, List<String> priorities, String tags, String words,
            String teamId, String method) {

        static RuleForm blank() {
            return new RuleForm(null, "", true, List.of(), "", "", List.of(), "", List.of(), List.of(), "", "", "",
                    RoutingMethod.ROUND_ROBIN.name());
        }

        static RuleForm of(RoutingRule r) {
            var c = r.conditions();
            return new RuleForm(r.id(), r.name(), r.active(), names(c.channels()), text(c.organisationId()), text(c.planId()),
                    names(c.types()), String.join(", ", c.categories()), names(c.languages()), names(c.priorities()),
                    String.join(", ", c.tags()), String.join("\n", c.words()), text(r.action().teamId()), r.action().method().name());
        }

        static RuleForm read(@Nullable Long id, MultiValueMap<String, String> p) {
            return new RuleForm(id, value(p, "name"), p.containsKey("active"), p.getOrDefault("channels", List.of()),
                    value(p, "organisationId"), value(p, "planId"), p.getOrDefault("types", List.of()), value(p, "categories"),
                    p.getOrDefault("languages", List.of()), p.getOrDefault("priorities", List.of()), value(p, "tags"),
                    value(p, "words"), value(p, "teamId"), value(p, "method"));
        }

        RoutingRuleDraft draft(FieldErrors errors) {
            Long organisation = Numbers.optionalWhole(organisationId, "conditions.organisationId", errors);
            Long plan = Numbers.optionalWhole(planId, "conditions.planId", errors);
            Long team = Numbers.optionalWhole(teamId, "action.teamId", errors);
            return new RoutingRuleDraft(name, active, null, new RoutingRuleDraft.Conditions(channels, organisation, plan, types,
                    split(categories, ","), languages, priorities, split(tags, ","), split(words, "\n")),
                    new RoutingRuleDraft.Action(team, method));
        }

        private static List<String> split(String text, String separator) {
            return Arrays.stream(text.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        private static List<String> names(List<? extends Enum<?>> values) {
            return values.stream().map(Enum::name).toList();
        }

        private static String text(@Nullable Object v) {
            return v == null ? "" : v.toString();
        }

        private static String value(MultiValueMap<String, String> params, String key) {
            String v = params.getFirst(key);
            return v == null ? "" : v.strip();
        }
    }

    @GetMapping("/admin/routing-rules")
    String list(@AuthenticationPrincipal Actor actor, Model model, Locale locale) {
        AdminAccess.lead(actor);
        return list(model, actor, rules.settings(), new FieldErrors(), locale);
    }

    @GetMapping("/admin/routing-rules/new")
    String create(@AuthenticationPrincipal Actor actor, Model model) {
        AdminAccess.lead(actor);
        return form(model, RuleForm.blank(), new FieldErrors());
    }

    @GetMapping("/admin/routing-rules/{id}")
    String edit(@AuthenticationPrincipal Actor actor, @PathVariable long id, Model model) {
        AdminAccess.lead(actor);
        return form(model, RuleForm.of(rules.get(id).orElseThrow(NoSuchElementException::new)), new FieldErrors());
    }

    @PostMapping("/admin/routing-rules")
    String save(@AuthenticationPrincipal Actor actor, @RequestParam MultiValueMap<String, String> params, Model model, Locale locale,
            HttpServletResponse response) {
        AdminAccess.lead(actor);
        return save(null, RuleForm.read(null, params), model, locale, response);
    }

    @PostMapping("/admin/routing-rules/{id}")
    String save(@AuthenticationPrincipal Actor actor, @PathVariable long id, @RequestParam MultiValueMap<String, String> params,
            Model model, Locale locale, HttpServletResponse response) {
        AdminAccess.lead(actor);
        rules.get(id).orElseThrow(NoSuchElementException::new);
        return save(id, RuleForm.read(id, params), model, locale, response);
    }

    /** Moves a rule one place up ({@code by=-1}) or down ({@code by=1}). */
    @PostMapping("/admin/routing-rules/{id}/move")
    String move(@AuthenticationPrincipal Actor actor, @PathVariable long id, @RequestParam int by) {
        AdminAccess.lead(actor);
        if (!rules.move(id, Integer.signum(by))) {
            throw new NoSuchElementException();
        }
        return "redirect:/admin/routing-rules?moved=" + id + "#rule-" + id;
    }

    @GetMapping("/admin/routing-rules/{id}/delete")
    String confirmDelete(@AuthenticationPrincipal Actor actor, @PathVariable long id, Model model) {
        AdminAccess.lead(actor);
        model.addAttribute("rule", rules.get(id).orElseThrow(NoSuchElementException::new));
        return "admin/routing-rule-delete";
    }

    @PostMapping("/admin/routing-rules/{id}/delete")
    String delete(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        AdminAccess.lead(actor);
        if (!rules.delete(id)) {
            throw new NoSuchElementException();
        }
        return "redirect:/admin/routing-rules?deleted";
    }

    /** The default team and method; no team: tickets no rule matches stay unrouted. */
    @PostMapping("/admin/routing-settings")
    String settings(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "") String teamId,
            @RequestParam(defaultValue = "") String method, Model model, Locale locale, HttpServletResponse response) {
        AdminAccess.admin(actor);
        FieldErrors errors = new FieldErrors();
        Long team = Numbers.optionalWhole(teamId, "action.teamId", errors);
        if (errors.isEmpty()) {
            var outcome = rules.changeSettings(new RoutingRuleDraft.Action(team, method));
            if (outcome instanceof RoutingOutcome.Saved<RoutingSettings>) {
                return "redirect:/admin/routing-rules?defaults";
            }
            errors = byField(((RoutingOutcome.Refused<RoutingSettings>) outcome).problems(), locale);
        }
        response.setStatus(400);
        RoutingMethod typed = Arrays.stream(RoutingMethod.values()).filter(m -> m.name().equals(method)).findFirst()
                .orElse(RoutingMethod.NONE);
        return list(model, actor, new RoutingSettings(team, typed, null), errors, locale);
    }

    private String save(@Nullable Long id, RuleForm form, Model model, Locale locale, HttpServletResponse response) {
        FieldErrors errors = new FieldErrors();
        RoutingRuleDraft draft = form.draft(errors);
        if (errors.isEmpty()) {
            RoutingOutcome<RoutingRule> outcome = id == null ? rules.create(draft)
                    : rules.update(id, draft).orElseThrow(NoSuchElementException::new);
            if (outcome instanceof RoutingOutcome.Saved<RoutingRule>(RoutingRule saved)) {
                return "redirect:/admin/routing-rules?saved=" + saved.id() + "#rule-" + saved.id();
            }
            errors = byField(((RoutingOutcome.Refused<RoutingRule>) outcome).problems(), locale);
        }
        response.setStatus(400);
        return form(model, form, errors);
    }

    /** Each problem beside its field, in the reader's language. */
    private FieldErrors byField(List<RuleProblem> problems, Locale locale) {
        FieldErrors errors = new FieldErrors();
        for (RuleProblem p : problems) {
            errors.add(p.field(), messages.getMessage("routing.problem." + p.code(), p.args().toArray(), p.message(), locale));
        }
        return errors;
    }

    private String list(Model model, Actor actor, RoutingSettings settings, FieldErrors errors, Locale locale) {
        model.addAttribute("rules", rules.list());
        model.addAttribute("settings", settings);
        model.addAttribute("errors", errors);
        model.addAttribute("mayChangeDefaults", actor.isAdmin());
        names(model);
        return "admin/routing-rules";
    }

    private String form(Model model, RuleForm form, FieldErrors errors) {
        model.addAttribute("rule", form);
        model.addAttribute("errors", errors);
        model.addAttribute("channels", Channel.values());
        model.addAttribute("types", TicketType.values());
        model.addAttribute("languages", Language.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("plans", customers.plans());
        model.addAttribute("organisations", customers.organisations(0, 500));
        model.addAttribute("teams", identity.teams());
        model.addAttribute("methods", RoutingMethod.values());
        return "admin/routing-rule";
    }

    private void names(Model model) {
        Map<Long, String> plans = new LinkedHashMap<>();
        customers.plans().forEach(p -> plans.put(p.id().value(), p.name()));
        Map<Long, String> organisations = new LinkedHashMap<>();
        customers.organisations(0, 500).forEach(o -> organisations.put(o.id().value(), o.name()));
        Map<Long, String> teams = new LinkedHashMap<>();
        identity.teams().forEach(t -> teams.put(t.id().value(), t.name()));
        model.addAttribute("planNames", plans);
        model.addAttribute("organisationNames", organisations);
        model.addAttribute("teamNames", teams);
        model.addAttribute("teams", identity.teams());
        model.addAttribute("methods", RoutingMethod.values());
    }
}
