package org.atende.outage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Whether the database answers, as a heartbeat finds it: every {@code heartbeat-interval} a connection of
 * its own (outside the pool, so a busy pool is never taken for an outage) is asked {@code isValid}; no
 * answer within {@code heartbeat-timeout} makes the database unreachable. Then connections in use are cut,
 * new ones are refused at once, requests answer 503 and scheduled work pauses; the first good answer ends
 * it. A request that meets a connection failure meanwhile asks for a beat at once ({@link #suspect}). Each
 * outage is logged twice: when it starts and when it ends.
 */
@Component
public class DatabaseAvailability implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAvailability.class);

    private final DatabaseSettings settings;
    private final @Nullable GuardedDataSource guard;
    private final @Nullable HikariDataSource pool;
    private final Clock clock = Clock.systemUTC();
    private final AtomicBoolean beatQueued = new AtomicBoolean();
    private volatile @Nullable Instant downSince;
    private volatile @Nullable String reason;
    private @Nullable ScheduledExecutorService timer;
    private @Nullable ExecutorService checker;
    private @Nullable Future<?> check;
    private @Nullable Connection connection;

    DatabaseAvailability(DataSource dataSource, DatabaseSettings settings) {
        this.settings = settings;
        this.guard = unwrap(dataSource, GuardedDataSource.class);
        this.pool = unwrap(dataSource, HikariDataSource.class);
        if (guard != null) {
            guard.watchedBy(this::isDown);
        }
    }

    /** True from the moment the heartbeat found no database until it finds one again. */
    public boolean isDown() {
        return downSince != null;
    }

    /** When the current outage began; empty while the database answers. */
    public Optional<Instant> downSince() {
        return Optional.ofNullable(downSince);
    }

    /** What callers refused during an outage are told to wait before trying again. */
    public Duration retryAfter() {
        return settings.retryAfter();
    }

    /** A caller met a connection failure: look now rather than at the next beat. */
    public void suspect(Throwable failure) {
        ScheduledExecutorService t = timer;
        if (t != null && !isDown() && beatQueued.compareAndSet(false, true)) {
            log.debug("Database failure reported, checking now: {}", failure.toString());
            t.execute(this::beat);
        }
    }

    @Override
    public synchronized void start() {
        if (settings.heartbeatInterval().isZero() || pool == null || pool.getJdbcUrl() == null) {
            log.info("Database heartbeat off ({}); an outage is noticed only by the pool's timeouts",
                    pool == null ? "the data source is not a Hikari pool" : "atende.database.heartbeat-interval=0");
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("db-heartbeat").factory());
        checker = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("db-heartbeat-check").factory());
        long every = settings.heartbeatInterval().toMillis();
        timer.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            checker.shutdownNow();
            timer = null;
            closeConnection();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    /** One look; runs on the timer's thread only, so beats never overlap. */
    private void beat() {
        beatQueued.set(false);
        ExecutorService c = checker;
        if (c == null) {
            return;
        }
        if (check == null || check.isDone()) {
            check = c.submit(() -> {
                ask();
                return null;
            });
        }
        try {
            check.get(settings.heartbeatTimeout().toMillis(), TimeUnit.MILLISECONDS);
            up();
        } catch (TimeoutException e) {
            down("no answer within " + settings.heartbeatTimeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            down(String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            down(e.toString());
        }
    }

    /** Runs on the check thread: a stuck socket blocks it, never the timer. */
    private void ask() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = connect();
        }
        int seconds = (int) Math.max(1, settings.heartbeatTimeout().toSeconds());
        if (!connection.isValid(seconds)) {
            closeConnection();
            throw new SQLException("the connection is no longer valid", "08006");
        }
        if (isDown()) { // the outage ends when work can go on: when the pool lends a connection again
            try (Connection lent = pool.getConnection()) {
                lent.isValid(seconds);
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        try {
            return DriverManager.getConnection(pool.getJdbcUrl(), properties);
        } catch (SQLException e) {
            closeConnection();
            throw e;
        }
    }

    private void down(String why) {
        closeConnectionQuietlyLater();
        if (downSince != null) {
            return;
        }
        downSince = clock.instant();
        reason = why;
        int aborted = guard == null ? 0 : guard.abortInUse();
        if (pool != null && pool.isRunning()) {
            pool.getHikariPoolMXBean().softEvictConnections();
        }
        log.warn("The database is unreachable ({}): requests answer 503 and scheduled work pauses until it answers "
                + "again; {} connection(s) in use cut", why, aborted);
    }

    private void up() {
        Instant since = downSince;
        if (since != null) {
            downSince = null;
            log.info("The database answers again after {} s (unreachable since {}: {}); work resumes",
                    Duration.between(since, clock.instant()).toSeconds(), since, reason);
            reason = null;
        }
    }

    /** The heartbeat's own connection is probably dead too; a fresh one is made at the next beat. */
    private void closeConnectionQuietlyLater() {
        Connection dead = connection;
        if (dead != null && check != null && check.isDone()) {
            connection = null;
            try {
                dead.abort(Runnable::run);
            } catch (SQLException | RuntimeException ignored) {
                // it is being thrown away
            }
        }
    }

    private void closeConnection() {
        Connection open = connection;
        connection = null;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException ignored) {
                // it is being thrown away
            }
        }
    }

    private static <T> @Nullable T unwrap(DataSource dataSource, Class<T> type) {
        try {
            return dataSource.isWrapperFor(type) ? dataSource.unwrap(type) : null;
        } catch (SQLException e) {
            return null;
        }
    }
}
