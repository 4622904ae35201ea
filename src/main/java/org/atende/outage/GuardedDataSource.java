package org.atende.outage;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
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
    private volatile BooleanSupplier unreachable = () -> false;

    GuardedDataSource(DataSource pool) {
        super(pool);
    }

    /** Who says whether the database is reachable: the heartbeat. */
    void watchedBy(BooleanSupplier unreachable) {
        this.unreachable = unreachable;
    }

    @Override
    public Connection getConnection() throws SQLException {
        refuseWhileUnreachable();
        return tracked(obtainTargetDataSource().getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        refuseWhileUnreachable();
        return tracked(obtainTargetDataSource().getConnection(username, password));
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
