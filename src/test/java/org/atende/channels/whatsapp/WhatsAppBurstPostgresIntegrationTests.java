package org.atende.channels.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.atende.AtendeApplication;
import org.atende.support.MovingTime;
import org.atende.support.PostgresSchema;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The bursts on PostgreSQL with two instances of the desk on one schema: the test's own and a second one
 * started beside it. The notifications are spread over both, so both take in the same sender's
 * messages, and only the database (the sender's row lock) keeps them one at a time and in order.
 */
@DirtiesContext
class WhatsAppBurstPostgresIntegrationTests extends WhatsAppBurstIntegrationTests {

    @RegisterExtension
    static final PostgresSchema schema = PostgresSchema.createFor(WhatsAppBurstPostgresIntegrationTests.class);

    static @Nullable ConfigurableApplicationContext second;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        schema.registerDataSource(registry);
    }

    @BeforeEach
    void aSecondInstance() {
        if (second == null) {
            second = new SpringApplicationBuilder(AtendeApplication.class, MovingTime.class).run(
                    "--spring.datasource.url=" + schema.jdbcUrl(), "--spring.datasource.username=postgres",
                    "--spring.datasource.password=", "--server.port=0",
                    "--atende.whatsapp.phone-number-id=" + WebhookPayloads.PHONE_NUMBER_ID, "--atende.whatsapp.access-token=test-token",
                    "--atende.whatsapp.app-secret=" + SECRET, "--atende.whatsapp.verify-token=verify-me",
                    "--atende.whatsapp.graph-base-url=" + GRAPH.baseUrl(), "--atende.whatsapp.ordering-window=PT4S",
                    "--atende.notifications.dispatch-enabled=false", "--atende.sla.sweep-enabled=false",
                    "--atende.techservice.expiry-enabled=false", "--atende.email.polling-enabled=false",
                    "--atende.digest.schedule-enabled=false", "--spring.main.banner-mode=off");
        }
    }

    @AfterAll
    static void stopTheSecondInstance() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    @Override
    List<Integer> ports() {
        return List.of(port, ((WebServerApplicationContext) second).getWebServer().getPort());
    }

    @Test
    void runsOnPostgresWithTwoInstances() {
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
        assertThat(ports()).hasSize(2).doesNotHaveDuplicates();
    }
}
