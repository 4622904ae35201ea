package org.atende.tickets;

import org.atende.support.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@DirtiesContext
class TicketsPostgresIntegrationTests extends TicketsContract {

    @RegisterExtension
    static final PostgresSchema schema = PostgresSchema.createFor(TicketsPostgresIntegrationTests.class);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        schema.registerDataSource(registry);
    }
}
