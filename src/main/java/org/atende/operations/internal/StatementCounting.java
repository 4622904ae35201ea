package org.atende.operations.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import org.atende.operations.LogFields;
import org.slf4j.MDC;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.web.context.request.RequestContextHolder;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * For benchmarks only ({@code atende.bench.count-statements=true}): counts the SQL statements the desk sends
 * and the transactions it ends, as the counters {@code atende.jdbc.statements} and
 * {@code atende.jdbc.transactions} on {@code /actuator/prometheus}. A statement is one execution (each row of
 * a batch counts); a transaction is a commit or rollback, or a statement run in auto-commit mode (its own
 * transaction), each split by {@code work}: on the thread of an HTTP request, or in the background (after-commit
 * listeners, pollers). Off by default: it adds a proxy call to every JDBC call.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("atende.bench.count-statements")
class StatementCounting {

    /** Index 0: work of an HTTP request's own thread; 1: everything else (after-commit listeners, pollers). */
    private static final LongAdder[] statements = {new LongAdder(), new LongAdder()};
    private static final LongAdder[] transactions = {new LongAdder(), new LongAdder()};
    private static final String[] WORK = {"request", "background"};

    /** Runs after the outage guard (a priority-ordered post-processor), so it wraps the guarded data source. */
    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource ds && !(bean instanceof Counted) ? new Counted(ds) : bean;
            }
        };
    }

    @Bean
    MeterBinder statementCounters() {
        return (MeterRegistry registry) -> {
            for (int i = 0; i < WORK.length; i++) {
                FunctionCounter.builder("atende.jdbc.statements", statements[i], LongAdder::sum).tag("work", WORK[i])
                        .description("SQL statements executed (benchmark counting)").register(registry);
                FunctionCounter.builder("atende.jdbc.transactions", transactions[i], LongAdder::sum).tag("work", WORK[i])
                        .description("transactions ended: commits, rollbacks and auto-commit statements").register(registry);
            }
        };
    }

    static final class Counted extends DelegatingDataSource {

        Counted(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return connection(obtainTargetDataSource().getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return connection(obtainTargetDataSource().getConnection(username, password));
        }
    }

    static Connection connection(Connection target) throws SQLException {
        // [0]: auto-commit on; [1]: a statement ran since the transaction began (the driver begins one lazily)
        boolean[] state = {target.getAutoCommit(), false};
        InvocationHandler handler = (proxy, method, args) -> {
            switch (method.getName()) {
                case "setAutoCommit" -> {
                    if ((Boolean) args[0]) {
                        ended(state); // turning auto-commit on commits an open transaction
                    }
                    state[0] = (Boolean) args[0];
                }
                case "commit", "rollback" -> {
                    if (args == null || args.length == 0) {
                        ended(state);
                    }
                }
                case "createStatement", "prepareStatement", "prepareCall" -> {
                    return statement((Statement) invoke(target, method, args), state);
                }
                default -> {
                }
            }
            return invoke(target, method, args);
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private static void ended(boolean[] state) {
        if (!state[0] && state[1]) {
            transactions[work()].increment();
        }
        state[1] = false;
    }

    private static Statement statement(Statement target, boolean[] state) {
        Class<?> type = target instanceof CallableStatement ? CallableStatement.class
                : target instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        int[] batched = {0};
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("addBatch")) {
                batched[0]++;
            } else if (name.equals("clearBatch")) {
                batched[0] = 0;
            } else if (name.startsWith("execute")) {
                int count = name.endsWith("Batch") ? batched[0] : 1;
                batched[0] = name.endsWith("Batch") ? 0 : batched[0];
                statements[work()].add(count);
                if (state[0]) {
                    transactions[work()].add(count);
                } else {
                    state[1] = true;
                }
            }
            return invoke(target, method, args);
        };
        return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    /** Statements counted so far, request and background together. */
    static long statementsCounted() {
        return statements[0].sum() + statements[1].sum();
    }

    /** Transactions counted so far, request and background together. */
    static long transactionsCounted() {
        return transactions[0].sum() + transactions[1].sum();
    }

    /**
     * A request's thread carries its request id from the outermost filter on (so the session filter's reads and writes,
     * which run outside the dispatcher's request attributes, count as the request's); listeners' threads do not.
     */
    private static int work() {
        return MDC.get(LogFields.REQUEST_ID) != null || RequestContextHolder.getRequestAttributes() != null ? 0 : 1;
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
