package org.atende.reporting;

import org.atende.support.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Reconciliation of every report with the tickets, clocks and timeline, on PostgreSQL 15. */
@DirtiesContext
class ReconciliationPostgresProperties extends ReconciliationContract {

    @RegisterExtension
    static final PostgresSchema schema = PostgresSchema.createFor(ReconciliationPostgresProperties.class);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        schema.registerDataSource(registry);
    }
}
