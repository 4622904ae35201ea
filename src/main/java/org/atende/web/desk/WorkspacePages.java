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

    WorkspacePages(Names names) {
        this.names = names;
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
        model.addAttribute("presencePage", UUID.randomUUID().toString());
        if (!model.containsAttribute("seen")) {
            model.addAttribute("seen", conversation.stream().mapToLong(MessageView::id).max().orElse(0));
        }
    }
}
