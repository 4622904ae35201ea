package org.atende.web.desk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.atende.identity.Actor;
import org.atende.tickets.BulkChange;
import org.atende.tickets.BulkSelection;
import org.atende.tickets.TicketBulk;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The queue's bulk toolbar: one change for the ticked tickets, or for every ticket of the queue and its
 * search. Merge, spam and close are confirmed first on a page that states how many tickets (and lists the
 * first of them); then the change is made through {@link TicketBulk} and the agent is back on the queue with
 * a summary: how many changed, and each refused ticket with why, linked.
 */
@Controller
class BulkController {

    private static final int PREVIEW = 20;

    private final TicketBulk bulk;
    private final Tickets tickets;
    private final DeskQueues queues;
    private final BulkTexts texts;

    BulkController(TicketBulk bulk, Tickets tickets, DeskQueues queues, BulkTexts texts) {
        this.bulk = bulk;
        this.tickets = tickets;
        this.queues = queues;
        this.texts = texts;
    }

    @PostMapping("/desk/queues/{queue}/bulk")
    String apply(@PathVariable String queue, BulkForm form, HttpServletRequest request, @AuthenticationPrincipal Actor actor,
            Model model, Locale locale, RedirectAttributes redirect) {
        QueueController.staff(actor);
        DeskQueue desk = DeskQueue.of(queue);
        String back = QueueController.link(desk, form.q(), form.pageOrFirst());
        try {
            BulkSelection selection = form.all() ? BulkSelection.matching(queues.matching(desk, form.q(), actor)) : form.ticked();
            BulkChange change = form.change(number -> tickets.getByNumber(number, actor).id());
            if (change.destructive() && !form.isConfirmed()) {
                return confirm(selection, change, request, back, actor, model, locale, redirect);
            }
            redirect.addFlashAttribute("bulkSummary", texts.summary(change, bulk.apply(selection, change, actor), locale));
        } catch (BulkForm.Incomplete e) {
            redirect.addFlashAttribute("bulkError", texts.text(e.key(), locale));
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("bulkError", texts.whole(e.getBody(), locale));
        }
        return "redirect:" + back;
    }

    private String confirm(BulkSelection selection, BulkChange change, HttpServletRequest request, String back, Actor actor,
            Model model, Locale locale, RedirectAttributes redirect) {
        TicketView target = change instanceof BulkChange.Merge merge ? tickets.get(merge.into(), actor) : null;
        List<TicketId> ids = bulk.resolve(selection, actor).stream().filter(id -> target == null || !id.equals(target.id())).toList();
        if (ids.isEmpty()) {
            redirect.addFlashAttribute("bulkError", texts.text("desk.bulk.error.none", locale));
            return "redirect:" + back;
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
        model.addAttribute("fields", fields(request));
        model.addAttribute("action", request.getRequestURI());
        model.addAttribute("back", back);
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
