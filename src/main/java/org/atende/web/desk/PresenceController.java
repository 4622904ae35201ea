package org.atende.web.desk;

import java.util.List;

import org.atende.identity.Actor;
import org.atende.identity.UserSummary;
import org.atende.notifications.Mentions;
import org.atende.tickets.TicketPresence;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Working on a ticket beside others: its page reports itself every few seconds and answers who else has the
 * ticket open and who is writing a reply; a page that closes says so. And the staff a note may mention, as the
 * agent types {@code @…}.
 */
@Controller
class PresenceController {

    static final int SUGGESTIONS = 8;

    private final Tickets tickets;
    private final TicketPresence presence;
    private final Names names;

    PresenceController(Tickets tickets, TicketPresence presence, Names names) {
        this.tickets = tickets;
        this.presence = presence;
        this.names = names;
    }

    /** Someone else on the page: a first name (the whole one in a title) and whether they are replying. */
    record Present(String name, String fullName, boolean replying) {
    }

    @PostMapping("/desk/tickets/{number}/presence")
    String report(@PathVariable long number, @RequestParam String page, @RequestParam(defaultValue = "false") boolean replying,
            @AuthenticationPrincipal Actor actor, Model model) {
        QueueController.staff(actor);
        TicketView t = tickets.getByNumber(number, actor);
        List<Present> others = presence.report(t.id(), page, replying, actor).stream().map(p -> {
            String full = names.user(p.userId());
            return new Present(full.strip().split("\\s+")[0], full, p.replying());
        }).toList();
        model.addAttribute("others", others);
        return "desk/workspace :: presenceLine";
    }

    @PostMapping("/desk/tickets/{number}/presence/leave")
    ResponseEntity<Void> leave(@PathVariable long number, @RequestParam String page, @AuthenticationPrincipal Actor actor) {
        QueueController.staff(actor);
        presence.leave(tickets.getByNumber(number, actor).id(), page, actor);
        return ResponseEntity.noContent().build();
    }

    /** Active staff whose name (any word of it) or e-mail's local part starts with {@code q}, ignoring case and accents. */
    @GetMapping("/desk/mentions")
    String mentions(@RequestParam(defaultValue = "") String q, @AuthenticationPrincipal Actor actor, Model model) {
        QueueController.staff(actor);
        String wanted = Mentions.fold(q.strip());
        List<UserSummary> found = names.staff().stream().filter(u -> wanted.isEmpty()
                || Mentions.fold(Mentions.handle(u)).startsWith(wanted)
                || java.util.Arrays.stream(Mentions.fold(u.name()).split("\\s+")).anyMatch(w -> w.startsWith(wanted)))
                .limit(SUGGESTIONS).toList();
        model.addAttribute("people", found.stream().map(u -> new Suggestion(u.name(), Mentions.handle(u))).toList());
        return "desk/workspace :: mentionOptions";
    }

    record Suggestion(String name, String handle) {
    }
}
