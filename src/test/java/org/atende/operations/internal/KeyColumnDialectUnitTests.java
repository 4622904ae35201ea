package org.atende.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.data.relational.core.dialect.IdGeneration;
import org.springframework.data.relational.core.sql.SqlIdentifier;

class KeyColumnDialectUnitTests {

    private final IdGeneration ids = new KeyColumnDialect().jdbcDialect().getIdGeneration();

    @Test
    void asksTheDriverForTheGeneratedKeyByItsColumnName() {
        assertThat(ids.driverRequiresKeyColumnNames()).isTrue();
        assertThat(ids.getKeyColumnName(SqlIdentifier.unquoted("id"))).isEqualTo("id");
    }

    @Test
    void keepsThePostgresSequenceQuery() {
        assertThat(ids.sequencesSupported()).isTrue();
        assertThat(ids.createSequenceQuery(SqlIdentifier.unquoted("ticket_number_seq"))).isEqualToIgnoringCase("SELECT nextval('ticket_number_seq')");
    }
}
