package org.atende.web.desk;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.tickets.Tickets;
import org.atende.views.SavedViews;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The desk's queues: {@code /desk/queues/{queue}} is the page; {@code .../rows} the table body alone,
 * which the page fetches every 30 seconds (with the tab counts and the "updated" line out of band).
 * A search for a ticket number opens that ticket; words search the queue's tickets in full text (subject,
 * messages and notes, requester, organisation), best match first, each row with its matching snippet.
 * Pages go on by cursor ({@code after}); the saved views are listed beside the queues with their counts.
 */
@Controller
class QueueController {

    private static final Pattern NUMBER = Pattern.compile("#?\\s*(\\d{1,18})");

    private final DeskQueues queues;
    private final Tickets tickets;
    private final Names names;
    private final SavedViews views;

    QueueController(DeskQueues queues, Tickets tickets, Names names, SavedViews views) {
        this.views = views;
        this.queues = queues;
        this.tickets = tickets;
        this.names = names;
    }

    @GetMapping("/desk")
    String desk() {
        return "redirect:/desk/queues/" + DeskQueue.DEFAULT.slug();
    }

    @GetMapping("/desk/queues/{queue}")
    String queue(@PathVariable String queue, @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "1") int page, @RequestParam(required = false) @Nullable String after,
            @AuthenticationPrincipal Actor actor, Model model, Locale locale) {
        staff(actor);
        if (q != null) {
            Matcher number = NUMBER.matcher(q.strip());
            if (number.matches() && tickets.lookupByNumber(Long.parseLong(number.group(1))).isPresent()) {
                return "redirect:/desk/tickets/" + number.group(1);
            }
        }
        model.addAttribute("view", queues.page(DeskQueue.of(queue), q, Math.max(0, page - 1), after, actor, locale));
        model.addAttribute("bulkOptions", BulkOptions.of(names)); // the bulk toolbar (see BulkController)
        model.addAttribute("savedViews", views.counts(actor));
        model.addAttribute("mayShare", actor.hasAtLeast(Role.LEAD));
        return "desk/queue";
    }

    @GetMapping("/desk/queues/{queue}/rows")
    String rows(@PathVariable String queue, @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "1") int page, @RequestParam(required = false) @Nullable String after,
            @AuthenticationPrincipal Actor actor, Model model, Locale locale) {
        staff(actor);
        model.addAttribute("view", queues.page(DeskQueue.of(queue), q, Math.max(0, page - 1), after, actor, locale));
        model.addAttribute("savedViews", views.counts(actor));
        return "desk/queue-refresh";
    }

    static void staff(Actor actor) {
        if (!actor.isStaff()) {
            throw new AccessDeniedException("the desk is for Customer Care staff");
        }
    }

    /** The link to a queue's page, keeping the search. */
    static String link(DeskQueue queue, @Nullable String q, int page) {
        var b = UriComponentsBuilder.fromPath("/desk/queues/" + queue.slug());
        if (q != null && !q.isBlank()) {
            b.queryParam("q", q);
        }
        if (page > 1) {
            b.queryParam("page", page);
        }
        return b.encode().build().toUriString();
    }
}
