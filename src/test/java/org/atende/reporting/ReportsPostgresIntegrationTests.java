package org.atende.reporting;

import org.atende.support.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same figures on PostgreSQL 15 ({@code percentile_cont}, upserts and time zones the real way). */
@DirtiesContext
class ReportsPostgresIntegrationTests extends ReportsContract {

    @RegisterExtension
    static final PostgresSchema schema = PostgresSchema.createFor(ReportsPostgresIntegrationTests.class);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        schema.registerDataSource(registry);
    }
}
