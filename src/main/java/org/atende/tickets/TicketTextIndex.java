package org.atende.tickets;

import java.util.List;

/**
 * The full-text index of tickets; PostgreSQL and H2 each have their own. A ticket's entry is rewritten
 * whole, in the transaction that changes what it holds (a message written, moved or scrubbed), so a
 * search never sees a message its ticket list does not.
 */
interface TicketTextIndex {

    /** Rewrites one ticket's entry from its number, subject, requester, organisation and messages. */
    void reindex(long ticketId);

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
