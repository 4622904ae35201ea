package org.atende.tickets;

import java.util.List;

/**
 * The full-text index of tickets; PostgreSQL and H2 each have their own. A ticket's entry changes in the
 * transaction that changes what it holds, so a search never sees a message its ticket list does not: a new
 * message adds its words; a message moved or scrubbed rewrites the entry whole.
 */
interface TicketTextIndex {

    /** Rewrites one ticket's entry from its number, subject, requester, organisation and messages. */
    void reindex(long ticketId);

    /**
     * Adds the words of a message just written to its ticket's entry, reading only that message, so that a reply
     * on a long conversation costs what the reply costs; a ticket without an entry yet (its first message) is
     * written whole. What a rewrite would find, this finds (the number, subject, requester and organisation are
     * taken as the entry has them).
     */
    void add(long ticketId, MessageKind kind, String body);

    /** Indexes up to {@code limit} tickets that have no entry yet; how many it indexed. */
    int backfill(int limit);

    /**
     * How a ticket list finds the words of {@code text}: a join (may be empty), a condition, and a score
     * (higher is better), each with its positional parameters. {@code publicOnly}: only what a customer
     * may read (not internal notes).
     */
    Match match(String text, boolean publicOnly);

    record Match(String join, List<Object> joinParams, String where, List<Object> whereParams, String score,
            List<Object> scoreParams) {
    }
}
