package org.atende.operations;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value kept for the length of the current transaction under a key, and forgotten when it ends (committed or
 * rolled back): what a transaction has noted about its own work, so that it need not read back what it wrote.
 */
public final class TransactionScoped {

    private TransactionScoped() {
    }

    /** The value under {@code key} in the current transaction, made by {@code create} on first need; empty outside one. */
    public static <T> Optional<T> value(String key, Supplier<T> create) {
        return value(key, create, null);
    }

    /**
     * As {@link #value(String, Supplier)}; {@code beforeCommit}, when given, is handed the value just before the
     * transaction commits (still inside it).
     */
    @SuppressWarnings("unchecked")
    public static <T> Optional<T> value(String key, Supplier<T> create, @Nullable Consumer<T> beforeCommit) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        T value = (T) TransactionSynchronizationManager.getResource(key);
        if (value == null) {
            T made = create.get();
            TransactionSynchronizationManager.bindResource(key, made);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    if (beforeCommit != null) {
                        beforeCommit.accept(made);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
            value = made;
        }
        return Optional.of(value);
    }
}
