package org.atende.web.desk;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.atende.identity.Actor;
import org.atende.identity.UserSummary;
import org.atende.notifications.Mentions;
import org.atende.tickets.MessageKind;
import org.atende.tickets.MessageView;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.atende.tickets.TimelineEventView;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the ticket page shows for working on it with others: mentions highlighted in notes, where each message
 * of a merged ticket came from, which messages may be split off, the page's presence id, and the last message
 * the page shows (a reply posted after someone else answered since is confirmed first).
 */
@Component
class WorkspacePages {

    private final Names names;
    private final Tickets tickets;

    WorkspacePages(Names names, Tickets tickets) {
        this.names = names;
        this.tickets = tickets;
    }

    /** Another ticket this one is linked to: {@code key} says how (split from or into, merged into or from). */
    record Link(String key, long number) {
    }

    /** The tickets split off this one or it was split from (its timeline), the one it was merged into and those merged into it. */
    private List<Link> links(TicketView t, Map<TicketId, Long> merged, Actor actor) {
        List<Link> links = new java.util.ArrayList<>();
        for (TimelineEventView e : tickets.timeline(t.id(), actor)) {
            if ((e.kind().equals("SPLIT_FROM") || e.kind().equals("SPLIT_INTO")) && e.after() != null && e.after().startsWith("#")) {
                links.add(new Link(e.kind().equals("SPLIT_FROM") ? "ws.link.splitFrom" : "ws.link.splitInto",
                        Long.parseLong(e.after().substring(1))));
            }
        }
        if (t.mergedInto() != null) {
            tickets.lookup(t.mergedInto()).ifPresent(into -> links.add(new Link("ws.link.mergedInto", into.number())));
        }
        merged.values().stream().sorted().forEach(n -> links.add(new Link("ws.link.mergedFrom", n)));
        return links;
    }

    void fill(TicketView t, List<MessageView> conversation, Map<TicketId, Long> merged, Actor actor, Model model) {
        List<UserSummary> staff = names.staff();
        Map<Long, List<Mentions.Segment>> mentions = new HashMap<>();
        Set<Long> splittable = new HashSet<>();
        long first = conversation.stream().filter(m -> m.ticketId().equals(t.id())).mapToLong(MessageView::id).min().orElse(0);
        for (MessageView m : conversation) {
            if (m.kind() == MessageKind.NOTE && m.body().indexOf('@') >= 0) {
                List<Mentions.Segment> segments = Mentions.segments(MessageRow.split(m.body())[0], staff);
                if (segments.stream().anyMatch(Mentions.Segment::mention)) {
                    mentions.put(m.id(), segments);
                }
            }
            if (t.status() != TicketStatus.CLOSED && m.ticketId().equals(t.id()) && m.id() != first
                    && (m.kind() == MessageKind.CUSTOMER || m.kind() == MessageKind.NOTE)) {
                splittable.add(m.id());
            }
        }
        model.addAttribute("mentions", mentions);
        model.addAttribute("splittable", splittable);
        model.addAttribute("mergedFrom", merged);
        model.addAttribute("links", links(t, merged, actor));
        model.addAttribute("presencePage", UUID.randomUUID().toString());
        if (!model.containsAttribute("seen")) {
            model.addAttribute("seen", conversation.stream().mapToLong(MessageView::id).max().orElse(0));
        }
    }
}
