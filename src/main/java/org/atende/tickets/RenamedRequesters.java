package org.atende.tickets;

import java.util.List;

import org.atende.customers.ContactRenamed;
import org.atende.customers.OrganisationRenamed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A ticket's full-text entry holds its requester's name, e-mail and phone and its organisation's name, and a new
 * message only adds its own words to it: when those change, the tickets of that contact or organisation are written
 * again, after the change commits, {@value #BATCH} a transaction. Until then a search finds them by the old words.
 */
@Component
class RenamedRequesters {

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final TicketSearch search;
    private final TransactionTemplate batches;

    RenamedRequesters(JdbcClient jdbc, TicketSearch search, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.search = search;
        this.batches = new TransactionTemplate(transactions);
        this.batches.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @ApplicationModuleListener
    void on(ContactRenamed renamed) {
        reindex("requester_contact_id", renamed.contactId().value());
    }

    @ApplicationModuleListener
    void on(OrganisationRenamed renamed) {
        reindex("organisation_id", renamed.organisationId().value());
    }

    private void reindex(String column, long value) {
        long after = 0;
        List<Long> batch;
        do {
            long from = after;
            batch = batches.execute(tx -> {
                List<Long> ids = jdbc.sql("SELECT id FROM ticket WHERE " + column + " = ? AND id > ? ORDER BY id LIMIT " + BATCH)
                        .params(value, from).query(Long.class).list();
                ids.forEach(search::reindex);
                return ids;
            });
            after = batch == null || batch.isEmpty() ? after : batch.getLast();
        } while (batch != null && batch.size() == BATCH);
    }
}
