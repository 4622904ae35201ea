package org.atende.web.desk;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.sla.SlaClocks;
import org.atende.sla.TicketClocks;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketPage;
import org.atende.tickets.TicketView;
import org.atende.views.SavedView;
import org.atende.views.SavedViews;
import org.atende.views.ViewColumn;
import org.atende.views.ViewDraft;
import org.atende.views.ViewScope;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Saved views in the desk: "save as a view" on a queue keeps its filters and words (and the chosen columns);
 * {@code /desk/views/{id}} shows a view's tickets in its columns, 50 at a time by cursor, with its count, and the
 * bulk toolbar of the queues (its "select all" takes the view's filter; see {@link BulkController}).
 */
@Controller
class ViewPages {

    private final SavedViews views;
    private final DeskQueues queues;
    private final Names names;
    private final SlaClocks clocks;
    private final Clock clock;

    ViewPages(SavedViews views, DeskQueues queues, Names names, SlaClocks clocks, Clock clock) {
        this.views = views;
        this.queues = queues;
        this.names = names;
        this.clocks = clocks;
        this.clock = clock;
    }

    @PostMapping("/desk/views")
    String save(@RequestParam String name, @RequestParam(defaultValue = "PERSONAL") ViewScope scope,
            @RequestParam String queue, @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable List<ViewColumn> columns, @AuthenticationPrincipal Actor actor,
            RedirectAttributes redirect) {
        QueueController.staff(actor);
        DeskQueue from = DeskQueue.of(queue);
        try {
            SavedView saved = views.create(new ViewDraft(name, scope, null, queues.filter(from, q, actor), null, columns), actor);
            return "redirect:/desk/views/" + saved.id();
        } catch (ErrorResponseException e) {
            if (e.getStatusCode().value() != HttpStatus.BAD_REQUEST.value() && e.getStatusCode().value() != HttpStatus.FORBIDDEN.value()) {
                throw e;
            }
            redirect.addFlashAttribute("viewError", e.getStatusCode().value() == HttpStatus.FORBIDDEN.value()
                    ? "desk.views.forbidden" : "desk.views.invalid");
            return "redirect:" + QueueController.link(from, q, 1);
        }
    }

    @GetMapping("/desk/views/{id}")
    String view(@PathVariable long id, @RequestParam(required = false) @Nullable String after,
            @RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal Actor actor, Model model, Locale locale) {
        QueueController.staff(actor);
        SavedView view = views.get(id, actor);
        TicketPage found = views.tickets(id, after, DeskQueues.PAGE_SIZE, actor);
        Instant now = clock.instant();
        Map<TicketId, TicketClocks> read = clocks.clocksOf(found.items().stream().map(TicketView::id).toList(), now);
        List<QueueRow> rows = found.items().stream().map(t -> new QueueRow(t, names.organisation(t.organisationId()),
                t.assigneeId() == null ? null : names.user(t.assigneeId()),
                ClockFormat.next(t, read.getOrDefault(t.id(), TicketClocks.NONE), now, locale), found.snippet(t.id()))).toList();
        Map<org.atende.identity.TeamId, String> teams = new java.util.HashMap<>();
        found.items().stream().map(TicketView::teamId).filter(java.util.Objects::nonNull)
                .forEach(t -> teams.computeIfAbsent(t, names::team));
        model.addAttribute("teams", teams);
        model.addAttribute("saved", view);
        model.addAttribute("rows", rows);
        model.addAttribute("total", QueueView.count(found.total(), found.totalExact()));
        model.addAttribute("count", found.total()); // what "select all" of the bulk toolbar takes
        model.addAttribute("page", Math.max(1, page));
        model.addAttribute("after", after == null || after.isBlank() ? null : after);
        model.addAttribute("next", found.next() == null ? null : link(id, found.next(), Math.max(1, page) + 1));
        model.addAttribute("bulkOptions", BulkOptions.of(names)); // the bulk toolbar (see BulkController)
        model.addAttribute("savedViews", views.counts(actor));
        model.addAttribute("mayChange", views.mayChange(view, actor));
        model.addAttribute("zone", ClockFormat.LISBON.getId());
        model.addAttribute("queues", List.of(DeskQueue.values()));
        return "desk/view";
    }

    @PostMapping("/desk/views/{id}/delete")
    String delete(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
        QueueController.staff(actor);
        views.delete(id, actor);
        return "redirect:/desk";
    }

    /** The link to a page of a view: its first, or the one after {@code after} (numbered {@code page}). */
    static String link(long id, @Nullable String after, int page) {
        var b = UriComponentsBuilder.fromPath("/desk/views/" + id);
        if (after != null && !after.isBlank()) {
            b.queryParam("after", after).queryParam("page", page);
        }
        return b.encode().build().toUriString();
    }

    static boolean mayShare(Actor actor) {
        return actor.hasAtLeast(Role.LEAD);
    }
}
