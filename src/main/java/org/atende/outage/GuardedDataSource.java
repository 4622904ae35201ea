package org.atende.outage;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's data source, in front of the pool. While the database is known to be unreachable it
 * refuses a connection at once (an {@link SQLTransientConnectionException}, SQLSTATE 08001) instead of letting
 * every caller wait for the pool's timeout; it knows the connections handed out, so that those stuck on a
 * dead socket can be cut ({@link #abortInUse()}) the moment the outage is known.
 */
final class GuardedDataSource extends DelegatingDataSource {

    private static final Logger log = LoggerFactory.getLogger(GuardedDataSource.class);

    private final Set<Connection> inUse = ConcurrentHashMap.newKeySet();
    private final Duration poolWait;
    private volatile BooleanSupplier unreachable = () -> false;

    /**
     * @param poolWait how long a caller may wait for a pooled connection in all while the database answers: a
     *        burst of requests queues for the pool this long. The pool's own timeout is short, so each wait is
     *        taken in short turns, and a turn that ends during an outage refuses at once.
     */
    GuardedDataSource(DataSource pool, Duration poolWait) {
        super(pool);
        this.poolWait = poolWait;
    }

    /** Who says whether the database is reachable: the heartbeat. */
    void watchedBy(BooleanSupplier unreachable) {
        this.unreachable = unreachable;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return tracked(inTurns(() -> obtainTargetDataSource().getConnection()));
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return tracked(inTurns(() -> obtainTargetDataSource().getConnection(username, password)));
    }

    private interface Borrow {
        Connection get() throws SQLException;
    }

    /** Asks the pool again after each of its short timeouts, until {@link #poolWait} ends or an outage is known. */
    private Connection inTurns(Borrow borrow) throws SQLException {
        long deadline = System.nanoTime() + poolWait.toNanos();
        while (true) {
            refuseWhileUnreachable();
            try {
                return borrow.get();
            } catch (SQLTransientConnectionException timedOut) {
                if (unreachable.getAsBoolean() || System.nanoTime() - deadline >= 0) {
                    throw timedOut;
                }
            }
        }
    }

    /** Cuts every connection handed out and not yet given back; their callers fail at once instead of waiting. */
    int abortInUse() {
        int aborted = 0;
        for (Connection connection : inUse) {
            try {
                connection.abort(Runnable::run);
                aborted++;
            } catch (SQLException | RuntimeException e) {
                log.debug("Could not abort a connection in use: {}", e.toString());
            }
            inUse.remove(connection);
        }
        return aborted;
    }

    private void refuseWhileUnreachable() throws SQLException {
        if (unreachable.getAsBoolean()) {
            throw new SQLTransientConnectionException("The database is unreachable; no connection is tried until "
                    + "the heartbeat finds it again.", "08001");
        }
    }

    private Connection tracked(Connection target) {
        Connection[] self = new Connection[1];
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("close") && method.getParameterCount() == 0) {
                inUse.remove(self[0]);
            } else if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "guarded " + target;
                };
            }
            return invoke(target, method, args);
        };
        self[0] = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
        inUse.add(self[0]);
        return self[0];
    }

    private static Object invoke(Connection target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
