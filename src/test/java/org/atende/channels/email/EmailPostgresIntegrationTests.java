package org.atende.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.atende.customers.ContactSummary;
import org.atende.customers.Language;
import org.atende.support.PostgresSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** On PostgreSQL, where readers and senders on several instances really run at once. */
@DirtiesContext
class EmailPostgresIntegrationTests extends EmailTestSupport {

    @RegisterExtension
    static final PostgresSchema schema = PostgresSchema.createFor(EmailPostgresIntegrationTests.class);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        schema.registerDataSource(registry);
    }

    @Test
    void runsOnPostgres() {
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
    }

    @Test
    void oneMailTakenInByEightReadersAtOnceMakesOneTicket() throws Exception {
        String domain = domain();
        ContactSummary ana = customer(domain, "Ana Silva", Language.PT);
        byte[] raw = plain(ana.email(), "Oito leitores", "eight@" + domain, "", "Uma vez.").replace("\n", "\r\n")
                .getBytes(StandardCharsets.UTF_8);
        var start = new CountDownLatch(1);
        List<Future<InboundOutcome>> outcomes = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return inbound.accept("support", raw, null);
                }));
            }
            start.countDown();
            int opened = 0;
            int duplicates = 0;
            for (Future<InboundOutcome> o : outcomes) {
                switch (o.get().kind()) {
                    case TICKET_OPENED -> opened++;
                    case DUPLICATE -> duplicates++;
                    default -> throw new AssertionError(o.get());
                }
            }
            assertThat(opened).isEqualTo(1);
            assertThat(duplicates).isEqualTo(7);
        }
        assertThat(count("SELECT COUNT(*) FROM ticket WHERE subject = 'Oito leitores'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM outgoing_message WHERE recipient = ?", ana.email())).as("one acknowledgement").isEqualTo(1);
    }

    @Test
    void twoDispatchersSendEveryQueuedMailOnce() throws Exception {
        dispatch.runOnce();
        String domain = domain();
        ContactSummary ana = customer(domain, "Ana Silva", Language.EN);
        for (int i = 0; i < 3; i++) { // three acknowledgements an hour at most: three mails to send
            deliver(plain(ana.email(), "Parallel " + i, "par" + i + "@" + domain, "", "Hello."));
        }
        poll();
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(2)) {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return dispatch.runOnce().sent();
                }));
            }
            start.countDown();
            assertThat(sent.get(0).get() + sent.get(1).get()).isEqualTo(3);
        }
        assertThat(sentTo(ana.email())).hasSize(3);
    }
}
