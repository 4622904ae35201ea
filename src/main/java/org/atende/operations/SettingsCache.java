package org.atende.operations;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Settings that rarely change (an organisation, a plan, an SLA policy), kept in memory and checked against the
 * database once per transaction. The database counts every change to those tables in {@code settings_version}
 * (triggers, migrations V181 and V182), whoever makes it. A transaction reads that number once, on its first
 * cached read; a value is answered from memory only when it was read under the same number, so a change
 * committed on any instance is seen by the next transaction everywhere. A transaction that changes settings
 * itself calls {@link #changingHere()} first: from then on it reads the database and keeps nothing, so that what
 * it has not committed (and may roll back) never reaches another transaction.
 * <p>
 * Values must be immutable. What is not found is not kept.
 */
public final class SettingsCache<K, V> {

    private static final String VERSION = SettingsCache.class.getName() + ".version";
    /** Bound as the version of a transaction that changes settings itself. */
    private static final Long CHANGING = Long.MIN_VALUE;

    private final JdbcClient jdbc;
    private final ConcurrentHashMap<K, Read<V>> values = new ConcurrentHashMap<>();

    public SettingsCache(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Read<V>(long version, V value) {
    }

    /** The value of {@code key}: from memory when read under the current settings, else from {@code read}. */
    public Optional<V> get(K key, Supplier<Optional<V>> read) {
        long version = version(jdbc);
        if (version == CHANGING) {
            return read.get();
        }
        Read<V> kept = values.get(key);
        if (kept != null && kept.version() == version) {
            return Optional.of(kept.value());
        }
        Optional<V> found = read.get();
        found.ifPresent(v -> values.put(key, new Read<>(version, v)));
        return found;
    }

    /**
     * Says that the current transaction is about to change settings: every cache reads the database for the rest
     * of it, and keeps nothing it reads. Outside a transaction there is nothing to say.
     */
    public static void changingHere() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        if (TransactionSynchronizationManager.getResource(VERSION) == null) {
            bind(CHANGING);
        } else {
            TransactionSynchronizationManager.unbindResource(VERSION);
            TransactionSynchronizationManager.bindResource(VERSION, CHANGING);
        }
    }

    /** The settings' version as the current transaction reads it: once per transaction, each time outside one. */
    private static long version(JdbcClient jdbc) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return read(jdbc);
        }
        Long version = (Long) TransactionSynchronizationManager.getResource(VERSION);
        if (version == null) {
            version = read(jdbc);
            bind(version);
        }
        return version;
    }

    private static long read(JdbcClient jdbc) {
        return jdbc.sql("SELECT version FROM settings_version WHERE id = 1").query(Long.class).single();
    }

    private static void bind(Long version) {
        TransactionSynchronizationManager.bindResource(VERSION, version);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(VERSION);
            }
        });
    }
}
