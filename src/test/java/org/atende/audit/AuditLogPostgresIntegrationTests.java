package org.atende.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.atende.support.PostgresSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** On PostgreSQL the log is append-only in the database itself: whoever asks, no UPDATE, DELETE or TRUNCATE goes through. */
@SpringBootTest(properties = {"atende.sla.sweep-enabled=false", "atende.notifications.dispatch-enabled=false"})
@DirtiesContext
class AuditLogPostgresIntegrationTests {

    @RegisterExtension
    static final PostgresSchema schema = PostgresSchema.createFor(AuditLogPostgresIntegrationTests.class);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        schema.registerDataSource(registry);
    }

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void appendsAndRefusesEveryUpdateDeleteAndTruncate() {
        audit.record(AuditedChange.created(AuditKind.PLAN, 41, "Plan Básico", AuditedChange.fields("monthlyTicketAllowance", 20)));
        long id = audit.find(AuditQuery.ALL, 0, 1).entries().getFirst().id();

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET actor = 'someone else' WHERE id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry WHERE id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_entry").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");

        AuditEntry kept = audit.find(new AuditQuery(AuditKind.PLAN, null, null, null), 0, 10).entries().getFirst();
        assertThat(kept.actor()).isEqualTo("system");
        assertThat(kept.subject()).isEqualTo("Plan Básico");
        assertThat(kept.changes()).containsEntry("monthlyTicketAllowance", new FieldChange(null, "20"));
        audit.record(AuditedChange.created(AuditKind.PLAN, 42, "Plan Plus", AuditedChange.fields("monthlyTicketAllowance", 40)));
        assertThat(audit.find(AuditQuery.ALL, 0, 10).total()).isEqualTo(2);
    }
}
