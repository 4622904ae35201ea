package org.atende.outage;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure of the database's reachability (no connection to be had, a connection lost or timed out,
 * the server shutting down) from every other failure (a bad statement, a constraint, a bug). Work that
 * failed for the first reason is worth doing again later unchanged; it must not count as an attempt of the
 * work itself (a mail read three times, a notification tried five times).
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    /** True when {@code failure}, or anything that caused it, says the database could not be reached. */
    public static boolean isCause(@Nullable Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException && t.getCause() instanceof SQLException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException
                    || t instanceof SQLException sql && (isConnectionState(sql.getSQLState()) || isClosedByPool(sql))) {
                return true;
            }
            if (t instanceof TransactionSystemException rollback && isCause(rollback.getApplicationException())) {
                return true; // the rollback failed on the dead connection and hid why the work failed
            }
            if ((t instanceof ConnectException || t instanceof SocketTimeoutException || t instanceof SocketException)
                    && hasSqlCauseAbove(failure, t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception) and PostgreSQL's 57P01–57P03 (the server shutting down,
     * crashed, or not accepting connections yet).
     */
    static boolean isConnectionState(@Nullable String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    /** Hikari's answer on a connection it already closed (after a broken socket) carries no SQLSTATE. */
    private static boolean isClosedByPool(SQLException e) {
        return e.getSQLState() == null && "Connection is closed".equals(e.getMessage());
    }

    /** A socket failure counts only under a database call, never, say, an SMTP or IMAP one. */
    private static boolean hasSqlCauseAbove(Throwable failure, Throwable socket) {
        for (Throwable t = failure; t != null && t != socket; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException || t instanceof org.springframework.dao.DataAccessException) {
                return true;
            }
        }
        return false;
    }
}
