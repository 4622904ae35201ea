package org.atende.tickets;

import org.atende.support.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Allowances on PostgreSQL, where concurrent intake really runs in parallel transactions. */
@DirtiesContext
class QuotaIntakePostgresIntegrationTests extends QuotaIntakeContract {

    @RegisterExtension
    static final PostgresSchema schema = PostgresSchema.createFor(QuotaIntakePostgresIntegrationTests.class);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        schema.registerDataSource(registry);
    }
}
