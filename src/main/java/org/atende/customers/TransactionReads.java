package org.atende.customers;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Organisations and plans read once per transaction. A ticket's intake needs its organisation and plan in
 * several modules (tickets for the default priority, sla for the terms, reporting for the read model); inside one
 * transaction the first read answers the others. Nothing is kept past the transaction, so a change committed
 * by anyone is seen by the next one; {@link Customers} forgets them when it writes an organisation or a plan.
 */
final class TransactionReads {

    private static final String RESOURCE = TransactionReads.class.getName();

    private TransactionReads() {
    }

    /** What {@code read} answers for {@code key}, read once in the current transaction (each time outside one). */
    @SuppressWarnings("unchecked")
    static <T> T once(Object key, Supplier<T> read) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return read.get();
        }
        Map<Object, Object> reads = (Map<Object, Object>) TransactionSynchronizationManager.getResource(RESOURCE);
        if (reads == null) {
            reads = new HashMap<>();
            TransactionSynchronizationManager.bindResource(RESOURCE, reads);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(RESOURCE);
                }
            });
        }
        Object found = reads.get(key);
        if (found == null) {
            found = read.get();
            reads.put(key, found);
        }
        return (T) found;
    }

    /** Forgets what this transaction read: it is about to change an organisation or a plan. */
    @SuppressWarnings("unchecked")
    static void forget() {
        Map<Object, Object> reads = (Map<Object, Object>) TransactionSynchronizationManager.getResource(RESOURCE);
        if (reads != null) {
            reads.clear();
        }
    }
}
