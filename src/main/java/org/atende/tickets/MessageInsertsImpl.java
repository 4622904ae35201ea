package org.atende.tickets;

import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * A message is inserted with one explicit statement rather than through Spring Data's aggregate mapping: every
 * ticket and every reply writes one, and the mapping (working out the insert, converting each property, the
 * lifecycle events and callbacks) cost about as much of the desk's CPU as the rest of the insert. Then the
 * message's words join its ticket's full-text entry, in the same transaction.
 */
class MessageInsertsImpl implements MessageInserts {

    private final JdbcClient jdbc;
    private final TicketIndexing indexing;

    MessageInsertsImpl(JdbcClient jdbc, TicketIndexing indexing) {
        this.jdbc = jdbc;
        this.indexing = indexing;
    }

    @Override
    public Message save(Message m) {
        if (m.id != null) {
            throw new IllegalStateException("message " + m.id + " is written already: messages are never rewritten");
        }
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO message (ticket_id, kind, author_user_id, author_contact_id, channel, body, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(m.ticketId, m.kind.name(), m.authorUserId, m.authorContactId, m.channel.name(), m.body, Timestamp.from(m.createdAt))
                .update(key, "id");
        m.id = key.getKey().longValue();
        indexing.indexed(m);
        return m;
    }
}
