package org.atende.tickets;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the full-text index in step with the conversation: every message written adds its words to its ticket's
 * entry in the same transaction ({@link MessageInsertsImpl} calls it right after the insert), and
 * at startup the tickets written before the index existed are indexed in batches (H2; PostgreSQL's
 * migration filled its index).
 */
@Component
class TicketIndexing {

    private static final int BATCH = 500;

    private final TicketSearch search;
    private final TransactionTemplate transactions;

    TicketIndexing(TicketSearch search, PlatformTransactionManager transactions) {
        this.search = search;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** A message just inserted: its words join its ticket's entry (a ticket's first message writes the entry whole). */
    Message indexed(Message message) {
        if (message.opensTicket) {
            search.reindex(message.ticketId); // the ticket's entry is written whole, with its number and subject
        } else {
            search.added(message.ticketId, message.kind, message.body); // a message is saved once, when it is written
        }
        return message;
    }

    @EventListener(ApplicationReadyEvent.class)
    void backfill() {
        Integer done;
        do {
            done = transactions.execute(status -> search.backfill(BATCH));
        } while (done != null && done == BATCH);
    }
}
