package org.atende.macros.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.atende.identity.Actor;
import org.atende.identity.Identity;
import org.atende.identity.Role;
import org.atende.identity.TeamSummary;
import org.atende.identity.UserSummary;
import org.atende.macros.MacroId;
import org.atende.macros.MacroOutcome;
import org.atende.macros.MacroProblem;
import org.atende.macros.MacroScope;
import org.atende.macros.MacroView;
import org.atende.macros.Macros;
import org.atende.macros.Placeholder;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketType;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /desk/macros}: the macros the signed-in member of staff may use (search by name, a scope at a time), and
 * the form of one: new, changed, or read only for those they may not change. Refusals come back next to their
 * fields, in the page's language.
 */
@Controller
@RequestMapping("/desk/macros")
class MacroPages {

    private final Macros macros;
    private final Identity identity;
    private final MessageSource messages;

    MacroPages(Macros macros, Identity identity, MessageSource messages) {
        this.macros = macros;
        this.identity = identity;
        this.messages = messages;
    }

    /** A row of the list: the macro, whose it is in words, its languages and whether the reader may change it. */
    record Row(MacroView macro, String whose, List<String> languages, boolean changeable) {
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String scope,
            @AuthenticationPrincipal Actor actor, Model model, Locale locale) {
        staff(actor);
        MacroScope only = Arrays.stream(MacroScope.values()).filter(s -> s.name().equals(scope)).findFirst().orElse(null);
        List<Row> rows = macros.list(actor, q, only).stream().map(m -> new Row(m, whose(m, actor, locale), languages(m),
                macros.mayChange(m, actor))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("query", q);
        model.addAttribute("scope", only == null ? "" : only.name());
        model.addAttribute("scopes", MacroScope.values());
        return "macros/list";
    }

    @GetMapping("/new")
    String create(@AuthenticationPrincipal Actor actor, Model model) {
        staff(actor);
        return form(MacroForm.empty(), Map.of(), true, actor, model);
    }

    @PostMapping
    String save(@ModelAttribute MacroForm form, @AuthenticationPrincipal Actor actor, Model model, Locale locale) {
        staff(actor);
        MacroOutcome outcome = macros.create(form.draft(), actor);
        if (outcome instanceof MacroOutcome.Rejected rejected) {
            return refused(form, rejected, actor, model, locale);
        }
        return "redirect:/desk/macros?saved";
    }

    @GetMapping("/{id:\\d+}")
    String edit(@PathVariable long id, @AuthenticationPrincipal Actor actor, Model model) {
        staff(actor);
        MacroView macro = macros.get(new MacroId(id), actor);
        return form(MacroForm.of(macro), Map.of(), macros.mayChange(macro, actor), actor, model);
    }

    @PostMapping("/{id:\\d+}")
    String update(@PathVariable long id, @ModelAttribute MacroForm form, @AuthenticationPrincipal Actor actor, Model model,
            Locale locale) {
        staff(actor);
        MacroOutcome outcome = macros.update(new MacroId(id), form.draft(), form.version(), actor);
        if (outcome instanceof MacroOutcome.Rejected rejected) {
            return refused(new MacroForm(id, form.version(), form.name(), form.scope(), form.teamId(), form.textPt(),
                    form.textEs(), form.textEn(), form.status(), form.priority(), form.type(), form.addTags(), form.removeTags(),
                    form.actionTeam(), form.assignee()), rejected, actor, model, locale);
        }
        return "redirect:/desk/macros?saved";
    }

    @GetMapping("/{id:\\d+}/delete")
    String confirmDelete(@PathVariable long id, @AuthenticationPrincipal Actor actor, Model model) {
        staff(actor);
        MacroView macro = macros.get(new MacroId(id), actor);
        if (!macros.mayChange(macro, actor)) {
            throw new AccessDeniedException("This macro is not yours to delete.");
        }
        model.addAttribute("macro", macro);
        return "macros/delete";
    }

    @PostMapping("/{id:\\d+}/delete")
    String delete(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
        staff(actor);
        macros.delete(new MacroId(id), actor);
        return "redirect:/desk/macros?deleted";
    }

    private String refused(MacroForm form, MacroOutcome.Rejected rejected, Actor actor, Model model, Locale locale) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (MacroProblem p : rejected.problems()) {
            errors.computeIfAbsent(p.field(), k -> new ArrayList<>())
                    .add(messages.getMessage("ws.macro.error." + p.code(), p.args().toArray(), p.message(), locale));
        }
        model.addAttribute("problems", errors.values().stream().flatMap(List::stream).toList());
        return form(form, errors, true, actor, model);
    }

    private String form(MacroForm form, Map<String, List<String>> errors, boolean changeable, Actor actor, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("changeable", changeable);
        List<MacroScope> scopes = Arrays.stream(MacroScope.values())
                .filter(s -> macros.mayCreate(s, actor) || s.name().equals(form.scope())).toList();
        model.addAttribute("scopes", scopes);
        model.addAttribute("teamScope", scopes.contains(MacroScope.TEAM));
        model.addAttribute("teams", identity.teams());
        model.addAttribute("staff", identity.users(0, 500).stream().filter(u -> u.active() && u.role().isStaff()).toList());
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("types", TicketType.values());
        model.addAttribute("placeholders", Placeholder.values());
        return "macros/form";
    }

    private String whose(MacroView m, Actor actor, Locale locale) {
        return switch (m.scope()) {
            case SHARED -> messages.getMessage("ws.macro.scope.SHARED", null, locale);
            case TEAM -> messages.getMessage("ws.macro.whose.team", new Object[] {m.teamId() == null ? "—"
                    : identity.team(new org.atende.identity.TeamId(m.teamId())).map(TeamSummary::name).orElse("#" + m.teamId())}, locale);
            case PERSONAL -> m.ownerId() != null && m.ownerId() == actor.userId().value()
                    ? messages.getMessage("ws.macro.whose.mine", null, locale)
                    : messages.getMessage("ws.macro.whose.personal", new Object[] {owner(m.ownerId())}, locale);
        };
    }

    private String owner(@Nullable Long id) {
        return id == null ? "—" : identity.user(new org.atende.identity.UserId(id)).map(UserSummary::name).orElse("#" + id);
    }

    private static List<String> languages(MacroView m) {
        List<String> found = new ArrayList<>();
        if (m.texts().pt() != null) {
            found.add("pt");
        }
        if (m.texts().es() != null) {
            found.add("es");
        }
        if (m.texts().en() != null) {
            found.add("en");
        }
        return found;
    }

    private static void staff(@Nullable Actor actor) {
        if (actor == null || !actor.isStaff() || actor.role() == Role.CUSTOMER) {
            throw new AccessDeniedException("The macros are for Customer Care staff.");
        }
    }
}
