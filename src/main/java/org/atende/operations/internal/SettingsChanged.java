package org.atende.operations.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.h2.api.Trigger;
import org.h2.engine.Session;
import org.h2.jdbc.JdbcConnection;

/**
 * H2's trigger on the tables of cached settings (migration {@code h2/V182}): counts one more change in
 * {@code settings_version}, in the changing statement's transaction. PostgreSQL does the same in PL/pgSQL.
 * <p>
 * H2 hands the trigger a connection on the changing session. When that statement runs in auto-commit mode, an
 * update made through it would try to commit on its own, which H2 refuses inside a trigger; so auto-commit is
 * switched off on the session for the update alone (H2's session setter commits nothing), and the changing
 * statement commits both.
 */
public class SettingsChanged implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        Session session = connection.unwrap(JdbcConnection.class).getSession();
        boolean autoCommit = session.getAutoCommit();
        session.setAutoCommit(false);
        try (PreparedStatement bump = connection.prepareStatement("UPDATE settings_version SET version = version + 1 WHERE id = 1")) {
            bump.executeUpdate();
        } finally {
            session.setAutoCommit(autoCommit);
        }
    }
}
