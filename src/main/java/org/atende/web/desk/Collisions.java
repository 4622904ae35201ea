package org.atende.web.desk;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.atende.identity.Actor;
import org.atende.tickets.TicketConversations;
import org.atende.tickets.MessageKind;
import org.atende.tickets.MessageView;
import org.atende.tickets.TicketView;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * A reply about to go out after someone else answered the customer since the agent's page was loaded: the page
 * carries the last message it showed ({@code seen}), and the public replies of others written after it are shown
 * first, with the agent's text kept, for them to send anyway or not.
 */
@Component
class Collisions {

    private final TicketConversations conversations;
    private final Names names;

    Collisions(TicketConversations conversations, Names names) {
        this.conversations = conversations;
        this.names = names;
    }

    /** A message someone else answered with, as the warning shows it. */
    record Answered(long id, String author, String at, String text) {
    }

    /** The public replies of other staff on the ticket written after message {@code seen}, oldest first. */
    List<MessageView> since(TicketView t, long seen, Actor actor) {
        return conversations.of(t.id(), actor).stream()
                .filter(m -> m.ticketId().equals(t.id()) && m.id() > seen && m.kind() == MessageKind.AGENT
                        && !Objects.equals(m.authorUserId(), actor.userId()))
                .toList();
    }

    /** The last message the ticket's page shows now (its merged tickets' included). */
    long latest(TicketView t, Actor actor) {
        return conversations.of(t.id(), actor).stream().mapToLong(MessageView::id).max().orElse(0);
    }

    /** Puts the warning on the page being shown again. */
    void show(List<MessageView> answered, Model model, Locale locale) {
        model.addAttribute("collision", answered.stream().map(m -> new Answered(m.id(),
                m.authorUserId() == null ? "Atende" : names.user(m.authorUserId()), ClockFormat.full(m.createdAt(), locale),
                MessageRow.split(m.body())[0])).toList());
    }
}
