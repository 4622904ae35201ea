package org.atende.operations;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

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

    private static final String SEEN = SettingsCache.class.getName() + ".seen";

    private final JdbcClient jdbc;
    private final ConcurrentHashMap<K, Read<V>> values = new ConcurrentHashMap<>();

    public SettingsCache(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Read<V>(long version, V value) {
    }

    /** The value of {@code key}: from memory when read under the current settings, else from {@code read}. */
    public Optional<V> get(K key, Supplier<Optional<V>> read) {
        Optional<Seen> seen = TransactionScoped.value(SEEN, Seen::new);
        if (seen.isPresent() && seen.get().changing) {
            return read.get();
        }
        long version = seen.map(s -> s.version(jdbc)).orElseGet(() -> version(jdbc));
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
        TransactionScoped.value(SEEN, Seen::new).ifPresent(seen -> seen.changing = true);
    }

    /** What the current transaction has seen of the settings: their version, read once; whether it changes them. */
    private static final class Seen {
        private @Nullable Long version;
        private boolean changing;

        long version(JdbcClient jdbc) {
            if (version == null) {
                version = SettingsCache.version(jdbc);
            }
            return version;
        }
    }

    private static long version(JdbcClient jdbc) {
        return jdbc.sql("SELECT version FROM settings_version WHERE id = 1").query(Long.class).single();
    }
}
