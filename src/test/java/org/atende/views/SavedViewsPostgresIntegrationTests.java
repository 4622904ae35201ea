package org.atende.views;

import org.atende.support.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Saved views on PostgreSQL. */
@DirtiesContext
class SavedViewsPostgresIntegrationTests extends SavedViewsContract {

    @RegisterExtension
    static final PostgresSchema schema = PostgresSchema.createFor(SavedViewsPostgresIntegrationTests.class);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        schema.registerDataSource(registry);
    }
}
