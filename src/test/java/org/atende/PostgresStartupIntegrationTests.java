package org.atende;

import org.atende.support.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on the local PostgreSQL 15 server, in a schema of its own. Fails (never skips)
 * when the server is down.
 */
@DirtiesContext
class PostgresStartupIntegrationTests extends ApplicationStartupContract {

    @RegisterExtension
    static final PostgresSchema schema = PostgresSchema.createFor(PostgresStartupIntegrationTests.class);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        schema.registerDataSource(registry);
    }

    @Override
    String vendor() {
        return "postgresql";
    }
}
