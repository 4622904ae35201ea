package org.atende.web.desk;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.atende.customers.ContactSummary;
import org.atende.customers.Customers;
import org.atende.identity.Actor;
import org.atende.tickets.TicketConversations;
import org.atende.tickets.MessageView;
import org.atende.tickets.TicketQuery;
import org.atende.tickets.TicketSplits;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.jspecify.annotations.Nullable;
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
 * Merging, marking as spam and splitting from the ticket page, each confirmed on a page of its own that says
 * what will happen, then done through the tickets facade (the same operation the API and bulk changes use).
 * The merge target is searched among the organisation's tickets still being worked on, by number or words.
 */
@Controller
@RequestMapping("/desk/tickets/{number}")
class TicketManageController {

    private static final Pattern NUMBER = Pattern.compile("#?\\s*(\\d{1,18})");
    private static final Set<TicketStatus> WORKED_ON = EnumSet.of(TicketStatus.NEW, TicketStatus.OPEN,
            TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.ON_HOLD);
    static final int TARGETS = 10;

    private final Tickets tickets;
    private final TicketSplits splits;
    private final TicketConversations conversations;
    private final Customers customers;
    private final Names names;

    TicketManageController(Tickets tickets, TicketSplits splits, TicketConversations conversations, Customers customers, Names names) {
        this.tickets = tickets;
        this.splits = splits;
        this.conversations = conversations;
        this.customers = customers;
        this.names = names;
    }

    /** The tickets this one may be merged into that match {@code q}: a number, or words of the subject. */
    @GetMapping("/merge/targets")
    String targets(@PathVariable long number, @RequestParam(defaultValue = "") String q, @AuthenticationPrincipal Actor actor,
            Model model) {
        QueueController.staff(actor);
        TicketView t = tickets.getByNumber(number, actor);
        List<TicketView> found = new ArrayList<>();
        Matcher n = NUMBER.matcher(q.strip());
        if (n.matches()) {
            tickets.lookupByNumber(Long.parseLong(n.group(1))).filter(x -> candidate(t, x)).ifPresent(found::add);
        } else {
            String words = q.strip();
            tickets.list(new TicketQuery(WORKED_ON, Set.of(), t.organisationId(), null, null, null, null, null,
                    words.isEmpty() ? null : words, null, null, TicketQuery.Sort.UPDATED_DESC, 0, TARGETS + 1), actor)
                    .items().stream().filter(x -> candidate(t, x)).limit(TARGETS).forEach(found::add);
        }
        model.addAttribute("ticket", t);
        model.addAttribute("targets", found);
        model.addAttribute("query", q);
        return "desk/workspace :: mergeTargets";
    }

    @GetMapping("/merge")
    String confirmMerge(@PathVariable long number, @RequestParam long into, @AuthenticationPrincipal Actor actor, Model model) {
        QueueController.staff(actor);
        TicketView t = tickets.getByNumber(number, actor);
        confirmation(model, t, "merge");
        model.addAttribute("target", tickets.getByNumber(into, actor));
        return "desk/ticket-confirm";
    }

    @PostMapping("/merge")
    String merge(@PathVariable long number, @RequestParam long into, @AuthenticationPrincipal Actor actor, Model model,
            HttpServletResponse response) {
        QueueController.staff(actor);
        TicketView t = tickets.getByNumber(number, actor);
        TicketView target = tickets.getByNumber(into, actor);
        try {
            tickets.merge(t.id(), target.id(), actor);
        } catch (ErrorResponseException e) {
            return refused(e, model, t, "merge", response, target);
        }
        return "redirect:/desk/tickets/" + target.number() + "?saved=merged&from=" + t.number();
    }

    @GetMapping("/spam")
    String confirmSpam(@PathVariable long number, @AuthenticationPrincipal Actor actor, Model model) {
        QueueController.staff(actor);
        confirmation(model, tickets.getByNumber(number, actor), "spam");
        return "desk/ticket-confirm";
    }

    @PostMapping("/spam")
    String spam(@PathVariable long number, @AuthenticationPrincipal Actor actor, Model model, HttpServletResponse response) {
        QueueController.staff(actor);
        TicketView t = tickets.getByNumber(number, actor);
        try {
            tickets.markSpam(t.id(), actor);
        } catch (ErrorResponseException e) {
            return refused(e, model, t, "spam", response, null);
        }
        return "redirect:/desk/tickets/" + number + "?saved=spam";
    }

    @GetMapping("/split/{message}")
    String confirmSplit(@PathVariable long number, @PathVariable long message, @AuthenticationPrincipal Actor actor, Model model) {
        QueueController.staff(actor);
        TicketView t = tickets.getByNumber(number, actor);
        confirmation(model, t, "split");
        model.addAttribute("message", message(t, message, actor));
        return "desk/ticket-confirm";
    }

    @PostMapping("/split/{message}")
    String split(@PathVariable long number, @PathVariable long message, @RequestParam(defaultValue = "") String subject,
            @AuthenticationPrincipal Actor actor, Model model, HttpServletResponse response) {
        QueueController.staff(actor);
        TicketView t = tickets.getByNumber(number, actor);
        MessageView m = message(t, message, actor);
        TicketView made;
        try {
            made = splits.split(t.id(), m.id(), subject, actor);
        } catch (ErrorResponseException e) {
            model.addAttribute("message", m);
            return refused(e, model, t, "split", response, null);
        }
        return "redirect:/desk/tickets/" + made.number() + "?saved=split&from=" + number;
    }

    private void confirmation(Model model, TicketView t, String action) {
        model.addAttribute("ticket", t);
        model.addAttribute("action", action);
        model.addAttribute("organisation", names.organisation(t.organisationId()));
        ContactSummary contact = t.requesterContactId() == null ? null : customers.contact(t.requesterContactId()).orElse(null);
        model.addAttribute("contact", contact);
    }

    private String refused(ErrorResponseException e, Model model, TicketView t, String action, HttpServletResponse response,
            @Nullable TicketView target) {
        response.setStatus(e.getStatusCode().value());
        confirmation(model, tickets.lookup(t.id()).orElse(t), action);
        if (target != null) {
            model.addAttribute("target", target);
        }
        Object reason = e.getBody().getProperties() == null ? null : e.getBody().getProperties().get("reason");
        String type = String.valueOf(e.getBody().getType());
        model.addAttribute("refusal", reason != null ? action + "." + reason
                : type.endsWith("/illegal-transition") ? action + ".closed" : action + ".other");
        return "desk/ticket-confirm";
    }

    private MessageView message(TicketView t, long id, Actor actor) {
        return conversations.of(t.id(), actor).stream().filter(m -> m.id() == id && m.ticketId().equals(t.id())).findFirst()
                .orElseThrow(() -> new java.util.NoSuchElementException("message " + id));
    }

    private static boolean candidate(TicketView t, TicketView x) {
        return !x.id().equals(t.id()) && x.organisationId().equals(t.organisationId()) && x.status() != TicketStatus.CLOSED;
    }
}
