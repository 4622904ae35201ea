package org.atende.tickets;

import org.atende.support.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Search on PostgreSQL: tsvector documents in unaccented Portuguese, Spanish and English configurations. */
@DirtiesContext
class TicketSearchPostgresIntegrationTests extends TicketSearchContract {

    @RegisterExtension
    static final PostgresSchema schema = PostgresSchema.createFor(TicketSearchPostgresIntegrationTests.class);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        schema.registerDataSource(registry);
    }
}
