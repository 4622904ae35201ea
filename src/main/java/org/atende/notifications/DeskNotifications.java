package org.atende.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.atende.customers.Language;
import org.atende.identity.Identity;
import org.atende.identity.UserId;
import org.atende.identity.UserSummary;
import org.atende.tickets.TicketId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The desk's notifications of each staff user: written with the alert that causes them, listed unread, marked read. */
@Service
@Transactional
public class DeskNotifications {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_LISTED = 200;

    private final JdbcClient jdbc;
    private final Identity identity;
    private final Clock clock;

    DeskNotifications(JdbcClient jdbc, Identity identity, Clock clock) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.clock = clock;
    }

    /** The user's unread notifications, newest first (at most 200). */
    @Transactional(readOnly = true)
    public List<DeskNotification> unread(UserId user) {
        Language language = identity.user(user).map(UserSummary::language).map(StaffTexts::of).orElse(Language.EN);
        return jdbc.sql("""
                SELECT id, kind, ticket_id, message_id, text_key, text_params, created_at, read_at FROM desk_notification
                WHERE user_id = ? AND read_at IS NULL ORDER BY id DESC LIMIT ?""")
                .params(user.value(), MAX_LISTED).query((rs, n) -> row(rs, language)).list();
    }

    /** Marks one of the user's notifications read; false when the user has no such notification. */
    public boolean markRead(UserId user, long id) {
        int found = jdbc.sql("SELECT COUNT(*) FROM desk_notification WHERE id = ? AND user_id = ?").params(id, user.value())
                .query(Integer.class).single();
        if (found == 0) {
            return false;
        }
        jdbc.sql("UPDATE desk_notification SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL")
                .params(Timestamp.from(clock.instant()), id, user.value()).update();
        return true;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void add(UserId user, String kind, @Nullable TicketId ticket, @Nullable Long messageId, String key, List<String> params) {
        addAll(List.of(new Line(user, kind, ticket, messageId, key, params)));
    }

    /** A line to put on a user's desk, for {@link #addAll}. */
    record Line(UserId user, String kind, @Nullable TicketId ticket, @Nullable Long messageId, String key, List<String> params) {
    }

    /** Puts the lines on their users' desks, in one insert per 500. */
    @Transactional(propagation = Propagation.MANDATORY)
    void addAll(List<Line> lines) {
        Timestamp now = Timestamp.from(clock.instant());
        for (int from = 0; from < lines.size(); from += 500) {
            List<Line> chunk = lines.subList(from, Math.min(lines.size(), from + 500));
            List<Object> params = new ArrayList<>(chunk.size() * 7);
            for (Line l : chunk) {
                params.addAll(java.util.Arrays.asList(l.user().value(), l.kind(), l.ticket() == null ? null : l.ticket().value(),
                        l.messageId(), l.key(), JSON.writeValueAsString(l.params()), now));
            }
            jdbc.sql("INSERT INTO desk_notification (user_id, kind, ticket_id, message_id, text_key, text_params, created_at) VALUES "
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?, ?)"))).params(params).update();
        }
    }

    private static DeskNotification row(ResultSet rs, Language language) throws SQLException {
        long ticket = rs.getLong("ticket_id");
        TicketId ticketId = rs.wasNull() ? null : new TicketId(ticket);
        List<String> params = new ArrayList<>(JSON.readValue(rs.getString("text_params"), new TypeReference<List<String>>() {
        }));
        Long number = null;
        if (!params.isEmpty()) {
            try {
                number = Long.parseLong(params.getFirst());
            } catch (NumberFormatException e) {
                number = null;
            }
        }
        Timestamp read = rs.getTimestamp("read_at");
        long message = rs.getLong("message_id");
        Long messageId = rs.wasNull() ? null : message;
        String key = rs.getString("text_key");
        return new DeskNotification(rs.getLong("id"), rs.getString("kind"), ticketId, number, key, params,
                StaffTexts.text(key, params, language), rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant(), messageId);
    }
}
