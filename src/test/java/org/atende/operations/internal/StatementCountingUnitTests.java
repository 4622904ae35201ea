package org.atende.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The benchmark's counting of statements and transactions, on a real (H2) connection. */
class StatementCountingUnitTests {

    private final DataSource counted = new StatementCounting.Counted(h2());

    @Test
    void countsEachStatementAndEachAutoCommitStatementAsATransaction() throws Exception {
        long statements = StatementCounting.statementsCounted();
        long transactions = StatementCounting.transactionsCounted();
        try (Connection c = counted.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (n INT)");
            s.executeUpdate("INSERT INTO t VALUES (1)");
        }
        assertThat(StatementCounting.statementsCounted() - statements).isEqualTo(2);
        assertThat(StatementCounting.transactionsCounted() - transactions).isEqualTo(2);
    }

    @Test
    void countsATransactionOnceAtItsEndAndEveryRowOfABatch() throws Exception {
        try (Connection c = counted.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (n INT)");
        }
        long statements = StatementCounting.statementsCounted();
        long transactions = StatementCounting.transactionsCounted();
        try (Connection c = counted.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?)")) {
                for (int n = 0; n < 3; n++) {
                    insert.setInt(1, n);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT COUNT(*) FROM t").close();
            }
            c.commit();
            c.commit(); // nothing ran since: no transaction
            c.setAutoCommit(true);
        }
        assertThat(StatementCounting.statementsCounted() - statements).isEqualTo(4);
        assertThat(StatementCounting.transactionsCounted() - transactions).isEqualTo(1);
    }

    private static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:counting-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }
}
