package org.atende.tickets;

import java.util.List;

import org.atende.customers.ContactErased;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A contact's erasure, for the conversation: the bodies of the messages they wrote become
 * {@value ContactErased#ERASED}; the files of those messages (and any file their accounts uploaded) are
 * removed, and their bytes too unless another ticket still holds the same file; on every ticket they asked
 * or wrote on, their names, addresses and numbers are replaced in the other messages (an agent's "Olá Ana")
 * and on the timeline (where their name stood as the author). Tickets, subjects, statuses, clocks and
 * counts stay as they were.
 */
@Component
class ErasedAuthors {

    private final JdbcClient jdbc;

    private final TicketSearch search;

    ErasedAuthors(JdbcClient jdbc, TicketSearch search) {
        this.jdbc = jdbc;
        this.search = search;
    }

    @EventListener
    void on(ContactErased erased) {
        long contact = erased.contactId().value();
        List<Long> users = List.copyOf(erased.userIds());
        String byUsers = users.isEmpty() ? "" : " OR uploaded_by IN (:users)";
        String ofTheirMessages = "message_id IN (SELECT id FROM message WHERE author_contact_id = :contact)" + byUsers;
        var files = jdbc.sql("SELECT DISTINCT sha256 FROM attachment WHERE " + ofTheirMessages).param("contact", contact);
        if (!users.isEmpty()) {
            files = files.param("users", users);
        }
        List<String> contents = files.query(String.class).list();
        var removal = jdbc.sql("DELETE FROM attachment WHERE " + ofTheirMessages).param("contact", contact);
        if (!users.isEmpty()) {
            removal = removal.param("users", users);
        }
        erased.count("attachments", removal.update());
        for (String sha : contents) {
            jdbc.sql("DELETE FROM attachment_content WHERE sha256 = ? AND NOT EXISTS (SELECT 1 FROM attachment WHERE sha256 = ?)")
                    .params(sha, sha).update();
        }
        erased.count("messages", jdbc.sql("UPDATE message SET body = ? WHERE author_contact_id = ? AND body <> ?")
                .params(ContactErased.ERASED, contact, ContactErased.ERASED).update());
        List<Long> tickets = jdbc.sql("""
                SELECT id FROM ticket WHERE requester_contact_id = :contact
                UNION SELECT ticket_id FROM message WHERE author_contact_id = :contact""")
                .param("contact", contact).query(Long.class).list();
        for (long ticket : tickets) {
            scrubMessages(ticket, erased);
            scrubTimeline(ticket, erased);
            search.reindex(ticket); // the erased words must not find the ticket any more
        }
    }

    private void scrubMessages(long ticket, ContactErased erased) {
        record Row(long id, String body) {
        }
        List<Row> rows = jdbc.sql("SELECT id, body FROM message WHERE ticket_id = ?").param(ticket)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("body"))).list();
        for (Row row : rows) {
            String scrubbed = erased.scrub(row.body());
            if (!row.body().equals(scrubbed)) {
                jdbc.sql("UPDATE message SET body = ? WHERE id = ?").params(scrubbed, row.id()).update();
                erased.count("mentions", 1);
            }
        }
    }

    /** The timeline is never edited, but for this: the person's name and addresses leave it. */
    private void scrubTimeline(long ticket, ContactErased erased) {
        record Row(long id, String actor, @Nullable String before, @Nullable String after, @Nullable String detail) {
        }
        List<Row> rows = jdbc.sql("SELECT id, actor, before_value, after_value, detail FROM timeline_event WHERE ticket_id = ?")
                .param(ticket).query((rs, n) -> new Row(rs.getLong("id"), rs.getString("actor"), rs.getString("before_value"),
                        rs.getString("after_value"), rs.getString("detail"))).list();
        for (Row row : rows) {
            Row scrubbed = new Row(row.id(), erased.names().contains(row.actor()) ? ContactErased.ERASED : erased.scrub(row.actor()),
                    erased.scrub(row.before()), erased.scrub(row.after()), erased.scrub(row.detail()));
            if (!scrubbed.equals(row)) {
                jdbc.sql("UPDATE timeline_event SET actor = ?, before_value = ?, after_value = ?, detail = ? WHERE id = ?")
                        .params(scrubbed.actor(), scrubbed.before(), scrubbed.after(), scrubbed.detail(), row.id()).update();
                erased.count("timelineLines", 1);
            }
        }
    }
}
