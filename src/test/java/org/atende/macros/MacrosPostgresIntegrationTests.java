package org.atende.macros;

import static org.assertj.core.api.Assertions.assertThat;

import org.atende.support.PostgresSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The macro rules on PostgreSQL, where many agents applying one macro at once really run side by side. */
@DirtiesContext
class MacrosPostgresIntegrationTests extends MacrosContract {

    @RegisterExtension
    static final PostgresSchema schema = PostgresSchema.createFor(MacrosPostgresIntegrationTests.class);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        schema.registerDataSource(registry);
    }

    @Test
    void runsOnPostgres() {
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
    }
}
