package org.atende.web.desk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.atende.identity.Actor;
import org.atende.tickets.BulkChange;
import org.atende.tickets.BulkSelection;
import org.atende.tickets.TicketBulk;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketQuery;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.atende.views.SavedView;
import org.atende.views.SavedViews;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The bulk toolbar of a queue and of a saved view: one change for the ticked tickets, or for every ticket of
 * the list (the queue and its search, or the view's filter). Merge, spam and close are confirmed first on a
 * page that states how many tickets (and lists the first of them); then the change is made through
 * {@link TicketBulk} and the agent is back on the list with a summary: how many changed, and each refused
 * ticket with why, linked.
 */
@Controller
class BulkController {

    private static final int PREVIEW = 20;

    private final TicketBulk bulk;
    private final Tickets tickets;
    private final DeskQueues queues;
    private final SavedViews views;
    private final BulkTexts texts;

    BulkController(TicketBulk bulk, Tickets tickets, DeskQueues queues, SavedViews views, BulkTexts texts) {
        this.bulk = bulk;
        this.tickets = tickets;
        this.queues = queues;
        this.views = views;
        this.texts = texts;
    }

    /** One post of the toolbar: what it says, who posts it, and where the agent goes back to. */
    private record Post(BulkForm form, HttpServletRequest request, Actor actor, Model model, Locale locale,
            RedirectAttributes redirect, String back, @Nullable String backLabel) {
    }

    @PostMapping("/desk/queues/{queue}/bulk")
    String apply(@PathVariable String queue, BulkForm form, HttpServletRequest request, @AuthenticationPrincipal Actor actor,
            Model model, Locale locale, RedirectAttributes redirect) {
        QueueController.staff(actor);
        DeskQueue desk = DeskQueue.of(queue);
        Post post = new Post(form, request, actor, model, locale, redirect, QueueController.link(desk, form.q(), form.pageOrFirst()),
                null);
        return apply(post, () -> queues.matching(desk, form.q(), actor));
    }

    /** The same on a saved view: "all" is every ticket of the view's filter; a view the agent may not see is not found. */
    @PostMapping("/desk/views/{id}/bulk")
    String applyToView(@PathVariable long id, BulkForm form, HttpServletRequest request, @AuthenticationPrincipal Actor actor,
            Model model, Locale locale, RedirectAttributes redirect) {
        QueueController.staff(actor);
        SavedView view = views.get(id, actor);
        Post post = new Post(form, request, actor, model, locale, redirect, ViewPages.link(id, form.after(), form.pageOrFirst()),
                texts.text("desk.views.back", locale, view.name()));
        return apply(post, () -> views.matching(id, actor));
    }

    private String apply(Post post, Supplier<TicketQuery> everything) {
        BulkForm form = post.form();
        try {
            BulkSelection selection = form.all() ? BulkSelection.matching(everything.get()) : form.ticked();
            BulkChange change = form.change(number -> tickets.getByNumber(number, post.actor()).id());
            if (change.destructive() && !form.isConfirmed()) {
                return confirm(selection, change, post);
            }
            post.redirect().addFlashAttribute("bulkSummary", texts.summary(change, bulk.apply(selection, change, post.actor()),
                    post.locale()));
        } catch (BulkForm.Incomplete e) {
            post.redirect().addFlashAttribute("bulkError", texts.text(e.key(), post.locale()));
        } catch (ErrorResponseException e) {
            post.redirect().addFlashAttribute("bulkError", texts.whole(e.getBody(), post.locale()));
        }
        return "redirect:" + post.back();
    }

    private String confirm(BulkSelection selection, BulkChange change, Post post) {
        Actor actor = post.actor();
        Locale locale = post.locale();
        Model model = post.model();
        TicketView target = change instanceof BulkChange.Merge merge ? tickets.get(merge.into(), actor) : null;
        List<TicketId> ids = bulk.resolve(selection, actor).stream().filter(id -> target == null || !id.equals(target.id())).toList();
        if (ids.isEmpty()) {
            post.redirect().addFlashAttribute("bulkError", texts.text("desk.bulk.error.none", locale));
            return "redirect:" + post.back();
        }
        List<TicketView> preview = new ArrayList<>();
        for (TicketId id : ids.subList(0, Math.min(PREVIEW, ids.size()))) {
            preview.add(tickets.get(id, actor));
        }
        String what = switch (change) {
            case BulkChange.Merge m -> "merge";
            case BulkChange.MarkSpam s -> "spam";
            default -> "close";
        };
        model.addAttribute("what", what);
        model.addAttribute("count", ids.size());
        model.addAttribute("target", target);
        model.addAttribute("preview", preview);
        model.addAttribute("more", ids.size() - preview.size());
        model.addAttribute("fields", fields(post.request()));
        model.addAttribute("action", post.request().getRequestURI());
        model.addAttribute("back", post.back());
        model.addAttribute("backLabel", post.backLabel());
        model.addAttribute("title", texts.title(change, target == null ? null : target.number(), locale));
        return "desk/bulk-confirm";
    }

    /** What the toolbar posted, to post again once confirmed. */
    private static List<Field> fields(HttpServletRequest request) {
        List<Field> fields = new ArrayList<>();
        for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
            if (!e.getKey().equals("_csrf") && !e.getKey().equals("confirmed")) {
                for (String value : e.getValue()) {
                    fields.add(new Field(e.getKey(), value));
                }
            }
        }
        return fields;
    }

    public record Field(String name, @Nullable String value) {
    }
}
