package org.atende.web.desk;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.atende.identity.Actor;
import org.atende.macros.MacroChange;
import org.atende.macros.MacroId;
import org.atende.macros.MacroPreview;
import org.atende.macros.Macros;
import org.atende.tickets.MessageView;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The macro picker of the ticket page: {@code .../macros?q=} lists the macros matching what the agent types (htmx),
 * {@code .../macros/{id}/preview} shows the reply filled in and the changes, in a form the agent may edit, and
 * posting it sends the reply and makes the changes together. A ticket changed or answered by someone else since the
 * preview is shown again with what changed, for the agent to look at before sending.
 */
@Controller
@RequestMapping("/desk/tickets/{number}/macros")
class TicketMacroController {

    private final Macros macros;
    private final Tickets tickets;
    private final TicketPages pages;
    private final Collisions collisions;
    private final Names names;
    private final MessageSource messages;

    TicketMacroController(Macros macros, Tickets tickets, TicketPages pages, Collisions collisions, Names names,
            MessageSource messages) {
        this.macros = macros;
        this.tickets = tickets;
        this.pages = pages;
        this.collisions = collisions;
        this.names = names;
        this.messages = messages;
    }

    /** A change as the page writes it: the field's name and both values in the agent's language. */
    record ChangeLine(String field, String before, String after) {
    }

    @GetMapping
    String pick(@PathVariable long number, @RequestParam(defaultValue = "") String q, @AuthenticationPrincipal Actor actor,
            Model model) {
        QueueController.staff(actor);
        model.addAttribute("ticket", tickets.getByNumber(number, actor));
        model.addAttribute("macros", macros.pick(actor, q));
        model.addAttribute("query", q);
        return "desk/workspace :: macroList";
    }

    /** {@code seen}: the last message the page shows, carried on to the form that sends. */
    @GetMapping("/{id}/preview")
    String preview(@PathVariable long number, @PathVariable long id, @RequestParam(required = false) @Nullable Long seen,
            @AuthenticationPrincipal Actor actor, Model model, Locale locale) {
        QueueController.staff(actor);
        TicketView t = tickets.getByNumber(number, actor);
        show(macros.preview(t.id(), new MacroId(id), actor), null, model, locale);
        model.addAttribute("ticket", t);
        model.addAttribute("seen", seen != null ? seen : collisions.latest(t, actor));
        return "desk/workspace :: macroPreview";
    }

    @PostMapping("/{id}")
    String apply(@PathVariable long number, @PathVariable long id, @RequestParam(defaultValue = "") String body,
            @RequestParam int version, @RequestParam(required = false) @Nullable Long seen,
            @RequestParam(defaultValue = "false") boolean confirm, @AuthenticationPrincipal Actor actor, Model model,
            Locale locale, HttpServletResponse response) {
        QueueController.staff(actor);
        TicketView t = tickets.getByNumber(number, actor);
        MacroId macro = new MacroId(id);
        List<MessageView> answered = confirm || seen == null ? List.of() : collisions.since(t, seen, actor);
        if (!answered.isEmpty() || (!confirm && t.version() != version)) {
            // someone answered or changed the ticket since the preview: show it again as it is now, the text kept
            collisions.show(answered, model, locale);
            model.addAttribute("macroChanged", answered.isEmpty());
            return again(t, macro, body, actor, model, locale, response, HttpServletResponse.SC_CONFLICT);
        }
        try {
            macros.apply(t.id(), macro, body, confirm ? null : version, actor);
        } catch (ErrorResponseException e) {
            model.addAttribute("macroError", refusal(e, locale));
            return again(t, macro, body, actor, model, locale, response, e.getStatusCode().value());
        }
        return "redirect:/desk/tickets/" + number + "?saved=macro";
    }

    private String again(TicketView t, MacroId macro, String body, Actor actor, Model model, Locale locale,
            HttpServletResponse response, int status) {
        response.setStatus(status);
        TicketView now = tickets.getByNumber(t.number(), actor);
        pages.fill(now, actor, locale, model);
        show(macros.preview(now.id(), macro, actor), body.isBlank() ? null : body, model, locale);
        return "desk/ticket";
    }

    private void show(MacroPreview preview, @Nullable String written, Model model, Locale locale) {
        model.addAttribute("macroPreview", preview);
        model.addAttribute("macroBody", written != null ? written : preview.body() == null ? "" : preview.body());
        model.addAttribute("macroLines", preview.changes().stream().map(c -> line(c, locale)).toList());
    }

    private ChangeLine line(MacroChange c, Locale locale) {
        return new ChangeLine(text("ws.macro.field." + c.field(), locale), value(c.field(), c.before(), locale),
                value(c.field(), c.after(), locale));
    }

    private String value(String field, @Nullable String value, Locale locale) {
        if (value == null || value.isEmpty()) {
            return "—";
        }
        return switch (field) {
            case "status" -> text("desk.status." + value, locale);
            case "priority" -> text("desk.priority." + value, locale);
            case "type" -> text("desk.type." + value, locale);
            case "team" -> names.team(new org.atende.identity.TeamId(Long.parseLong(value)));
            case "assignee" -> names.user(new org.atende.identity.UserId(Long.parseLong(value)));
            default -> value.replace(",", ", ");
        };
    }

    /** Why a macro was not applied, in the agent's language where the desk knows the reason. */
    private String refusal(ErrorResponseException e, Locale locale) {
        String type = String.valueOf(e.getBody().getType());
        if (type.endsWith("/illegal-transition") && e.getBody().getProperties() != null) {
            Object from = e.getBody().getProperties().get("from");
            Object to = e.getBody().getProperties().get("to");
            return messages.getMessage("ws.macro.refused.transition", new Object[] {text("desk.status." + from, locale),
                    text("desk.status." + to, locale)}, locale);
        }
        if (type.endsWith("/macro-not-applicable")) {
            return text("ws.macro.refused.notApplicable", locale);
        }
        if (type.endsWith("/invalid-macro-text")) {
            Object problems = e.getBody().getProperties() == null ? null : e.getBody().getProperties().get("placeholders");
            return text("ws.macro.refused.placeholders", locale) + " "
                    + (problems instanceof List<?> list ? list.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")) : "");
        }
        return text("ws.macro.refused", locale);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
