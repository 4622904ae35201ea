package org.atende.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value read from the database at most once per {@code maxAge}, for gauges: however often Prometheus
 * scrapes and however many gauges share the reading, the query runs once per period. A failed read (the
 * database away) counts as a read too, so a scrape never waits on a dead database more than once a
 * period; the gauges then show the last good value (or the empty one) until a read works again.
 */
public final class CachedReading<T> {

    private static final Logger log = LoggerFactory.getLogger(CachedReading.class);

    private final String name;
    private final Supplier<T> read;
    private final Duration maxAge;
    private final Clock clock;
    private T value;
    private @Nullable Instant readAt;

    public CachedReading(String name, Duration maxAge, Clock clock, T empty, Supplier<T> read) {
        this.name = name;
        this.read = read;
        this.maxAge = maxAge;
        this.clock = clock;
        this.value = empty;
    }

    /** The value, read again first when the last read is older than the period. */
    public synchronized T get() {
        Instant now = clock.instant();
        if (readAt == null || !now.isBefore(readAt.plus(maxAge))) {
            readAt = now;
            try {
                value = read.get();
            } catch (RuntimeException e) {
                log.warn("Metric reading {} failed; keeping the last value: {}", name, e.toString());
            }
        }
        return value;
    }

    /** When the value was last read (null: never). */
    public synchronized @Nullable Instant readAt() {
        return readAt;
    }
}
