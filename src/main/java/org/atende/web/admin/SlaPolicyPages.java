package org.atende.web.admin;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.atende.identity.Actor;
import org.atende.sla.Outcome;
import org.atende.sla.SlaPolicies;
import org.atende.sla.SlaPolicy;
import org.atende.sla.SlaPolicyDraft;
import org.atende.sla.StoredCalendars;
import org.atende.sla.TargetUnit;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketStatus;
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

/** SLA policies: everyone on the admin pages reads them; an administrator creates and edits them. */
@Controller
class SlaPolicyPages {

    private final SlaPolicies policies;
    private final StoredCalendars calendars;

    SlaPolicyPages(SlaPolicies policies, StoredCalendars calendars) {
        this.policies = policies;
        this.calendars = calendars;
    }

    /** One target as typed: an amount and a unit. */
    record TargetForm(String amount, String unit) {
    }

    /** The policy form as typed; {@code targets} by priority, then {@code firstResponse} / {@code resolution}. */
    record PolicyForm(@Nullable Long id, String name, String warningPercent, String calendarId, Set<TicketStatus> pausing,
            Map<Priority, Map<String, TargetForm>> targets) {

        static PolicyForm of(SlaPolicy p) {
            Map<Priority, Map<String, TargetForm>> targets = new EnumMap<>(Priority.class);
            p.targets().forEach((priority, t) -> {
                Map<String, TargetForm> two = new LinkedHashMap<>();
                two.put("firstResponse", new TargetForm(Integer.toString(t.firstResponse().amount()), t.firstResponse().unit().name()));
                two.put("resolution", new TargetForm(Integer.toString(t.resolution().amount()), t.resolution().unit().name()));
                targets.put(priority, two);
            });
            return new PolicyForm(p.id(), p.name(), Integer.toString(p.warningPercent()),
                    p.calendarId() == null ? "" : p.calendarId().toString(), p.pausingStatuses(), targets);
        }

        static PolicyForm read(@Nullable Long id, MultiValueMap<String, String> params) {
            Map<Priority, Map<String, TargetForm>> targets = new EnumMap<>(Priority.class);
            for (Priority p : Priority.values()) {
                Map<String, TargetForm> two = new LinkedHashMap<>();
                for (String kind : List.of("firstResponse", "resolution")) {
                    String prefix = "targets." + p + "." + kind;
                    two.put(kind, new TargetForm(value(params, prefix + ".amount"), value(params, prefix + ".unit")));
                }
                targets.put(p, two);
            }
            Set<TicketStatus> pausing = EnumSet.noneOf(TicketStatus.class);
            for (String s : params.getOrDefault("pausing", List.of())) {
                try {
                    pausing.add(TicketStatus.valueOf(s));
                } catch (IllegalArgumentException ignored) { // not a status: nothing to pause on
                }
            }
            return new PolicyForm(id, value(params, "name"), value(params, "warningPercent"), value(params, "calendarId"), pausing,
                    targets);
        }

        private static String value(MultiValueMap<String, String> params, String key) {
            String v = params.getFirst(key);
            return v == null ? "" : v;
        }
    }

    @GetMapping("/admin/sla-policies")
    String list(@AuthenticationPrincipal Actor actor, Model model) {
        AdminAccess.lead(actor);
        model.addAttribute("policies", policies.list());
        model.addAttribute("calendars", calendars.list());
        model.addAttribute("priorities", Priority.values());
        return "admin/sla-policies";
    }

    @GetMapping("/admin/sla-policies/new")
    String create(@AuthenticationPrincipal Actor actor, Model model) {
        AdminAccess.admin(actor);
        SlaPolicy template = policies.list().stream().findFirst().orElseThrow();
        PolicyForm copy = PolicyForm.of(template);
        return form(model, new PolicyForm(null, "", copy.warningPercent(), "", copy.pausing(), copy.targets()), new FieldErrors());
    }

    @GetMapping("/admin/sla-policies/{id}")
    String edit(@AuthenticationPrincipal Actor actor, @PathVariable long id, Model model) {
        AdminAccess.lead(actor);
        return form(model, PolicyForm.of(policies.get(id).orElseThrow(NoSuchElementException::new)), new FieldErrors());
    }

    @PostMapping("/admin/sla-policies")
    String save(@AuthenticationPrincipal Actor actor, @RequestParam MultiValueMap<String, String> params, Model model,
            HttpServletResponse response) {
        AdminAccess.admin(actor);
        return save(null, PolicyForm.read(null, params), model, response);
    }

    @PostMapping("/admin/sla-policies/{id}")
    String save(@AuthenticationPrincipal Actor actor, @PathVariable long id, @RequestParam MultiValueMap<String, String> params,
            Model model, HttpServletResponse response) {
        AdminAccess.admin(actor);
        policies.get(id).orElseThrow(NoSuchElementException::new);
        return save(id, PolicyForm.read(id, params), model, response);
    }

    private String save(@Nullable Long id, PolicyForm form, Model model, HttpServletResponse response) {
        FieldErrors typed = new FieldErrors();
        Integer warning = Numbers.integer(form.warningPercent(), "warningPercent", typed);
        Long calendar = form.calendarId().isBlank() ? null : Numbers.whole(form.calendarId(), "calendarId", typed);
        Map<Priority, SlaPolicyDraft.Targets> targets = new EnumMap<>(Priority.class);
        form.targets().forEach((p, two) -> targets.put(p, new SlaPolicyDraft.Targets(
                target(two.get("firstResponse"), "targets." + p + ".firstResponse", typed),
                target(two.get("resolution"), "targets." + p + ".resolution", typed))));
        FieldErrors errors = typed;
        if (typed.isEmpty()) {
            SlaPolicyDraft draft = new SlaPolicyDraft(form.name(), warning, form.pausing(), calendar, targets);
            Outcome<SlaPolicy> outcome = id == null ? policies.create(draft) : policies.update(id, draft);
            if (outcome instanceof Outcome.Saved<SlaPolicy>) {
                return "redirect:/admin/sla-policies?saved";
            }
            List<String> fields = new ArrayList<>(List.of("name", "warningPercent", "pausingStatuses", "calendar"));
            for (Priority p : Priority.values()) {
                fields.add("targets." + p + ".firstResponse");
                fields.add("targets." + p + ".resolution");
            }
            errors = FieldErrors.fromSentences(((Outcome.Rejected<SlaPolicy>) outcome).problems(), fields);
        }
        response.setStatus(400);
        return form(model, form, errors);
    }

    private static SlaPolicyDraft.@Nullable Target target(@Nullable TargetForm t, String field, FieldErrors errors) {
        if (t == null) {
            return null;
        }
        Integer amount = Numbers.integer(t.amount(), field, errors);
        TargetUnit unit = t.unit().isBlank() ? null : Numbers.choice(TargetUnit.class, t.unit(), field, errors);
        return new SlaPolicyDraft.Target(amount, unit);
    }

    private String form(Model model, PolicyForm form, FieldErrors errors) {
        model.addAttribute("policy", form);
        model.addAttribute("errors", errors);
        model.addAttribute("calendars", calendars.list());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("units", TargetUnit.values());
        model.addAttribute("statuses", List.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.ON_HOLD));
        return "admin/sla-policy";
    }
}
