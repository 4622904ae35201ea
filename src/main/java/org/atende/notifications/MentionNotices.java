package org.atende.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.atende.identity.Identity;
import org.atende.identity.Role;
import org.atende.identity.UserId;
import org.atende.identity.UserSummary;
import org.atende.tickets.MessageAdded;
import org.atende.tickets.MessageKind;
import org.atende.tickets.MessageView;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells each member of staff an internal note mentions (see {@link Mentions}) about it: a desk line that opens
 * the note and an e-mail through the outbox, in their language. A synchronous listener in the note's own
 * transaction, so the notice commits with the note or not at all; each (note, person) is recorded
 * insert-if-absent in {@code note_mention} and only the insert that wrote the row tells them. Whoever wrote the
 * note is never told of their own mention.
 */
@Component
class MentionNotices {

    private static final int EXCERPT = 200;

    private final Tickets tickets;
    private final Identity identity;
    private final StaffNotices notices;
    private final JdbcClient jdbc;
    private final Clock clock;

    MentionNotices(Tickets tickets, Identity identity, StaffNotices notices, JdbcClient jdbc, Clock clock) {
        this.tickets = tickets;
        this.identity = identity;
        this.notices = notices;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    void on(MessageAdded e) {
        if (e.kind() != MessageKind.NOTE) {
            return;
        }
        MessageView note = tickets.lookupMessage(e.messageId()).orElse(null);
        TicketView ticket = tickets.lookup(e.ticketId()).orElse(null);
        if (note == null || ticket == null || note.body().indexOf('@') < 0) {
            return;
        }
        Map<UserId, UserSummary> mentioned = new LinkedHashMap<>();
        Mentions.find(note.body(), activeStaff()).forEach(m -> mentioned.putIfAbsent(m.user().id(), m.user()));
        if (note.authorUserId() != null) {
            mentioned.remove(note.authorUserId());
        }
        String author = note.authorUserId() == null ? "Atende"
                : identity.user(note.authorUserId()).map(UserSummary::name).orElse("#" + note.authorUserId().value());
        for (UserSummary user : mentioned.values()) {
            if (!claim(note, user)) {
                continue;
            }
            notices.tell(user, ticket, note.id(), "MENTION", StaffTexts.MENTION,
                    List.of(Long.toString(ticket.number()), ticket.subject(), author, excerpt(note.body())),
                    "mention.m" + note.id());
        }
    }

    /** Everybody who may be mentioned: active agents, leads and admins. */
    List<UserSummary> activeStaff() {
        List<UserSummary> staff = new ArrayList<>();
        for (Role role : List.of(Role.AGENT, Role.LEAD, Role.ADMIN)) {
            staff.addAll(identity.activeWithRole(role));
        }
        return staff;
    }

    private boolean claim(MessageView note, UserSummary user) {
        return jdbc.sql("INSERT INTO note_mention (message_id, user_id, ticket_id, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(note.id(), user.id().value(), note.ticketId().value(), Timestamp.from(clock.instant())).update() == 1;
    }

    private static String excerpt(String body) {
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT - 1).strip() + "…";
    }
}
