package org.atende.channels.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.atende.customers.Language;
import org.atende.support.PostgresSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The webhook on PostgreSQL, where Meta's duplicate deliveries really race each other. */
@DirtiesContext
class WhatsAppWebhookPostgresIntegrationTests extends WhatsAppWebhookIntegrationTests {

    @RegisterExtension
    static final PostgresSchema schema = PostgresSchema.createFor(WhatsAppWebhookPostgresIntegrationTests.class);

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        schema.registerDataSource(registry);
    }

    @Test
    void runsOnPostgres() {
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
    }

    @Test
    void theSameMessageDeliveredEightTimesAtOnceIsStoredOnce() throws Exception {
        String phone = phone();
        contact(phone, Language.PT);
        String wa = phone.substring(1);
        String body = WebhookPayloads.messages(wa, "Ana", List.of(WebhookPayloads.text("wamid.RACE" + wa, wa,
                Instant.parse("2026-11-25T09:58:00Z"), "Oito vezes")));
        var start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return signed(body).statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> a : answers) {
                assertThat(a.get()).isEqualTo(200);
            }
        }
        processed();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM whatsapp_message WHERE wamid = ?").param("wamid.RACE" + wa).query(Long.class).single())
                .isEqualTo(1);
        assertThat(tickets.messagesOf(ticketOf("wamid.RACE" + wa).id())).hasSize(1);
    }
}
