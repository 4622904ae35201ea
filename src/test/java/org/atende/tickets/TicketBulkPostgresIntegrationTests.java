package org.atende.tickets;

import org.atende.support.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Bulk changes on PostgreSQL, where the races with single changes run against real row locks. */
@DirtiesContext
class TicketBulkPostgresIntegrationTests extends TicketBulkContract {

    @RegisterExtension
    static final PostgresSchema schema = PostgresSchema.createFor(TicketBulkPostgresIntegrationTests.class);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        schema.registerDataSource(registry);
    }
}
