package org.atende.techservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.support.DeskFixtures;
import org.atende.support.MovingTime;
import org.atende.support.MutableClock;
import org.atende.support.PostgresSchema;
import org.atende.tickets.Channel;
import org.atende.tickets.OpenTicket;
import org.atende.tickets.TicketType;
import org.atende.tickets.Tickets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Quotes and their expiry on the real PostgreSQL 15, in a schema of this class's own: terms survive the
 * round trip, and two sweepers running at once expire every lapsed quote exactly once.
 */
@SpringBootTest(properties = {"atende.techservice.expiry-enabled=false", "atende.sla.sweep-enabled=false",
        "atende.techservice.expiry-batch-size=7"})
@Import({MovingTime.class, PublishedQuoteEvents.class})
@DirtiesContext
class QuoteExpiryPostgresIntegrationTests {

    @RegisterExtension
    static final PostgresSchema schema = PostgresSchema.createFor(QuoteExpiryPostgresIntegrationTests.class);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        schema.registerDataSource(registry);
    }

    static final MutableClock CLOCK = MovingTime.CLOCK;
    static final int QUOTES = 60;

    @Autowired Quotes quotes;
    @Autowired Tickets tickets;
    @Autowired QuoteExpiry expiry;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired PublishedQuoteEvents.Log published;

    Actor customer;
    Actor agent;

    @BeforeEach
    void desk() {
        CLOCK.set("2026-07-20T10:00:00Z");
        published.clear();
        var f = new DeskFixtures(jdbc);
        OrganisationId org = f.organisation("Padaria", f.plan(f.standardPolicy(), "MEDIUM"));
        customer = f.customer(org, "Joana");
        agent = f.staff(Role.AGENT, "Inês");
    }

    QuoteView sent(String validUntil) {
        var ticket = tickets.open(new OpenTicket(null, null, Channel.PORTAL, "Atualização em massa de preços", "2 000 artigos",
                TicketType.TECHNICAL_SERVICE, "bulk_update", null, Set.of()), customer);
        QuoteView draft = quotes.draft(ticket.id(), new QuoteDraft("Atualizar preços", new BigDecimal("2.75"), 27_500L,
                LocalDate.parse(validUntil)), agent);
        return quotes.send(draft.id(), agent);
    }

    @Test
    void keepsTheTermsAndTimesAcrossTheRoundTrip() {
        QuoteView q = sent("2026-10-25"); // the day Lisbon leaves summer time: it ends at midnight WET
        CLOCK.set("2026-07-21T08:30:00Z");
        QuoteView accepted = quotes.accept(q.id(), customer);

        QuoteView read = quotes.get(q.id(), agent);
        assertThat(read).isEqualTo(accepted);
        assertThat(read.estimatedHours()).isEqualByComparingTo("2.75").hasToString("2.75");
        assertThat(read.amountEuros()).isEqualTo("275.00");
        assertThat(read.validUntil()).isEqualTo(LocalDate.parse("2026-10-25"));
        assertThat(read.expiresAt()).hasToString("2026-10-26T00:00:00Z");
        assertThat(read.acceptedAt()).hasToString("2026-07-21T08:30:00Z");
        assertThat(read.decidedBy()).isEqualTo(customer.userId());
    }

    @Test
    void twoSweepersAtOnceExpireEveryLapsedQuoteExactlyOnce() throws Exception {
        List<Long> lapsing = new ArrayList<>();
        for (int i = 0; i < QUOTES; i++) {
            lapsing.add(sent("2026-07-31").id().value());
        }
        long stillValid = sent("2026-08-01").id().value();
        CLOCK.set("2026-07-31T23:00:00Z");

        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService sweepers = Executors.newFixedThreadPool(2);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                results.add(sweepers.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return expiry.runOnce();
                }));
            }
            int expired = 0;
            for (Future<Integer> result : results) {
                expired += result.get(2, TimeUnit.MINUTES);
            }
            assertThat(expired).isEqualTo(QUOTES);
        } finally {
            sweepers.shutdownNow();
        }

        assertThat(jdbc.sql("SELECT id FROM quote WHERE state = 'EXPIRED' ORDER BY id").query(Long.class).list())
                .containsExactlyElementsOf(lapsing);
        assertThat(quotes.get(new QuoteId(stillValid), agent).state()).isEqualTo(QuoteState.SENT);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM (SELECT ticket_id FROM timeline_event WHERE kind = 'QUOTE_EXPIRED'
                                      GROUP BY ticket_id HAVING COUNT(*) = 1) once""").query(Integer.class).single())
                .isEqualTo(QUOTES);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM timeline_event WHERE kind = 'QUOTE_EXPIRED'").query(Integer.class).single())
                .isEqualTo(QUOTES);
        assertThat(published.all(QuoteExpired.class)).hasSize(QUOTES)
                .extracting(e -> e.quoteId().value()).containsExactlyInAnyOrderElementsOf(lapsing);
        assertThat(expiry.runOnce()).isZero();
    }

    @Test
    void theSweepsClaimAndTheBillingMonthCanUseTheirIndexes() {
        String plan = new TransactionTemplate(transactions).execute(tx -> {
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            return String.join("\n", jdbc.sql("""
                    EXPLAIN SELECT id FROM quote WHERE state = 'SENT' AND expires_at <= TIMESTAMP WITH TIME ZONE '2026-08-01 00:00:00+00'
                    ORDER BY expires_at, id LIMIT 100 FOR UPDATE SKIP LOCKED""").query(String.class).list())
                    + "\n" + String.join("\n", jdbc.sql("""
                    EXPLAIN SELECT id FROM quote WHERE accepted_at >= TIMESTAMP WITH TIME ZONE '2026-07-31 23:00:00+00'
                      AND accepted_at < TIMESTAMP WITH TIME ZONE '2026-08-31 23:00:00+00'
                      AND state IN ('ACCEPTED', 'DONE', 'INVOICED') ORDER BY accepted_at, id""").query(String.class).list());
        });
        assertThat(plan).contains("quote_to_expire").contains("quote_by_acceptance");
    }
}
