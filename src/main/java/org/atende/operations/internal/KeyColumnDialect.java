package org.atende.operations.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.jdbc.core.dialect.JdbcPostgresDialect;
import org.springframework.data.relational.core.dialect.IdGeneration;
import org.springframework.data.relational.core.sql.SqlIdentifier;

/**
 * Spring Data JDBC's PostgreSQL dialect (used on H2 too, which runs in PostgreSQL mode) with one change: an insert
 * asks the driver for its generated key by column name. The stock dialect asks for none, so the PostgreSQL driver
 * appends {@code RETURNING *}, sends every column back, and Spring reads the key by throwing and catching an
 * exception on each insert; naming the key column makes it {@code RETURNING "id"}.
 */
@Configuration(proxyBeanMethods = false)
class KeyColumnDialect {

    @Bean
    JdbcDialect jdbcDialect() {
        return new JdbcPostgresDialect() {
            private final IdGeneration byColumn = new ByColumnName(super.getIdGeneration());

            @Override
            public IdGeneration getIdGeneration() {
                return byColumn;
            }
        };
    }

    /** The stock id generation (sequences, batches) with the key column named to the driver. */
    private record ByColumnName(IdGeneration stock) implements IdGeneration {

        @Override
        public boolean driverRequiresKeyColumnNames() {
            return true;
        }

        @Override
        public String getKeyColumnName(SqlIdentifier id) {
            return id.getReference();
        }

        @Override
        public boolean supportedForBatchOperations() {
            return stock.supportedForBatchOperations();
        }

        @Override
        public boolean sequencesSupported() {
            return stock.sequencesSupported();
        }

        @Override
        public String createSequenceQuery(SqlIdentifier sequenceName) {
            return stock.createSequenceQuery(sequenceName);
        }
    }
}
