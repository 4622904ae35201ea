package org.atende.tickets;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.atende.identity.Actor;
import org.atende.identity.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who has a ticket's page open, and who is writing a reply on it. Each open page reports itself every few
 * seconds ({@link #report}); a page counts while its last report is younger than {@link #EXPIRY}, so a page
 * closed without a word drops out by itself. Stored in the database, so every instance sees every page.
 */
@Service
@Transactional
public class TicketPresence {

    /** A page that has not reported for this long has stopped polling: it no longer counts. */
    public static final Duration EXPIRY = Duration.ofSeconds(15);
    /** Rows this old are deleted by the next report of any page. */
    private static final Duration FORGET = Duration.ofMinutes(2);

    /** Someone with the ticket open; {@code replying} when any of their pages is writing a reply. */
    public record Present(UserId userId, boolean replying) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    TicketPresence(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Page {@code pageId} of {@code actor} shows ticket {@code ticket} now (and is writing a reply, or not);
     * answers who else has it open, each person once.
     */
    public List<Present> report(TicketId ticket, String pageId, boolean replying, Actor actor) {
        staffOnly(actor);
        String page = page(pageId);
        Instant now = clock.instant();
        int updated = jdbc.sql("UPDATE ticket_presence SET replying = ?, seen_at = ? WHERE ticket_id = ? AND page_id = ? AND user_id = ?")
                .params(replying, Timestamp.from(now), ticket.value(), page, actor.userId().value()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO ticket_presence (ticket_id, page_id, user_id, replying, seen_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(ticket.value(), page, actor.userId().value(), replying, Timestamp.from(now)).update();
        }
        // pages closed long ago, of any ticket, go (an index range on seen_at, empty almost always)
        jdbc.sql("DELETE FROM ticket_presence WHERE seen_at < ?").param(Timestamp.from(now.minus(FORGET))).update();
        return others(ticket, actor, now);
    }

    /** The page has closed (the browser said so): it stops counting at once. */
    public void leave(TicketId ticket, String pageId, Actor actor) {
        staffOnly(actor);
        jdbc.sql("DELETE FROM ticket_presence WHERE ticket_id = ? AND page_id = ? AND user_id = ?")
                .params(ticket.value(), page(pageId), actor.userId().value()).update();
    }

    /** Who else than {@code actor} has the ticket open now. */
    @Transactional(readOnly = true)
    public List<Present> others(TicketId ticket, Actor actor) {
        staffOnly(actor);
        return others(ticket, actor, clock.instant());
    }

    private List<Present> others(TicketId ticket, Actor actor, Instant now) {
        Map<Long, Present> found = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT user_id, replying FROM ticket_presence
                WHERE ticket_id = ? AND user_id <> ? AND seen_at >= ? ORDER BY user_id, page_id""")
                .params(ticket.value(), actor.userId().value(), Timestamp.from(now.minus(EXPIRY)))
                .query((rs, n) -> new Present(new UserId(rs.getLong(1)), rs.getBoolean(2)))
                .list()
                .forEach(p -> found.merge(p.userId().value(), p, (a, b) -> new Present(a.userId(), a.replying() || b.replying())));
        return List.copyOf(found.values());
    }

    private static String page(String pageId) {
        String page = pageId == null ? "" : pageId.strip();
        if (page.isEmpty() || page.length() > 40) {
            throw TicketProblems.invalid("a page id has 1 to 40 characters");
        }
        return page;
    }

    private static void staffOnly(Actor actor) {
        if (!actor.isStaff()) {
            throw TicketProblems.forbidden("only Customer Care staff see who has a ticket open");
        }
    }
}
