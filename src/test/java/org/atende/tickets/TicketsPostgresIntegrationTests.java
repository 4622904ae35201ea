package org.atende.tickets;

import org.atende.support.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The ticket rules on PostgreSQL, and what only a real server shows: many clients at once. */
@DirtiesContext
class TicketsPostgresIntegrationTests extends TicketsContract {

    @org.junit.jupiter.api.Test
    void numbersEveryTicketOnceWhenThirtyTwoArriveAtOnce() throws Exception {
        int clients = 32;
        var start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(clients)) {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<TicketView>>();
            for (int i = 0; i < clients; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return openAsAna("at once " + n);
                }));
            }
            start.countDown();
            var numbers = new java.util.HashSet<Long>();
            for (var f : futures) {
                numbers.add(f.get().number());
            }
            org.assertj.core.api.Assertions.assertThat(numbers).hasSize(clients);
        }
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("SELECT COUNT(*) FROM ticket WHERE subject LIKE 'at once %'")
                .query(Long.class).single()).isEqualTo(clients);
    }

    @RegisterExtension
    static final PostgresSchema schema = PostgresSchema.createFor(TicketsPostgresIntegrationTests.class);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        schema.registerDataSource(registry);
    }
}
