package org.atende.tickets;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.atende.identity.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A ticket's conversation as the desk shows it: its own messages and those of every ticket merged into it
 * (and into those, in turn), in the order they were written. Each message keeps its own {@code ticketId},
 * so a page can say which merged ticket it came from. Customers read the public messages only.
 */
@Service
@Transactional(readOnly = true)
public class TicketConversations {

    private final Tickets tickets;
    private final MessageRepository messages;
    private final JdbcClient jdbc;

    TicketConversations(Tickets tickets, MessageRepository messages, JdbcClient jdbc) {
        this.tickets = tickets;
        this.messages = messages;
        this.jdbc = jdbc;
    }

    public List<MessageView> of(TicketId id, Actor actor) {
        TicketView ticket = tickets.get(id, actor); // another organisation's ticket is "not found"
        List<Message> all = new ArrayList<>(messages.findByTicket(ticket.id().value()));
        for (TicketId merged : mergedInto(ticket.id()).keySet()) {
            all.addAll(messages.findByTicket(merged.value()));
        }
        return all.stream().filter(m -> actor.isStaff() || m.kind.isPublic())
                .sorted(Comparator.comparing((Message m) -> m.createdAt).thenComparing(m -> m.id))
                .map(Message::view).toList();
    }

    /** The tickets merged into this one, directly or through another merged ticket, with their numbers. */
    public Map<TicketId, Long> mergedInto(TicketId id) {
        Map<TicketId, Long> found = new LinkedHashMap<>();
        Deque<Long> next = new ArrayDeque<>(List.of(id.value()));
        while (!next.isEmpty()) {
            long into = next.pop();
            jdbc.sql("SELECT id, number FROM ticket WHERE merged_into_id = ? ORDER BY id").param(into)
                    .query((rs, n) -> Map.entry(new TicketId(rs.getLong(1)), rs.getLong(2))).list()
                    .forEach(e -> {
                        if (!e.getKey().equals(id) && found.putIfAbsent(e.getKey(), e.getValue()) == null) {
                            next.push(e.getKey().value());
                        }
                    });
        }
        return found;
    }
}
