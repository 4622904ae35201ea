package org.atende.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.atende.customers.OrganisationId;
import org.atende.customers.OverQuotaPolicy;
import org.atende.customers.QuotaStatus;
import org.atende.customers.Quotas;
import org.atende.sla.ClockState;
import org.atende.sla.ClockView;
import org.atende.sla.SlaClocks;
import org.atende.sla.TicketClocks;
import org.atende.support.H2Database;
import org.atende.support.MovingTime;
import org.atende.tickets.TicketId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The demo desk, seeded once on a Wednesday afternoon, shows every part of the product. */
@SpringBootTest(properties = {"atende.demo=true", "atende.sla.sweep-enabled=false"})
@Import(MovingTime.class)
class DemoDeskIntegrationTests {

    static final Instant WEDNESDAY = Instant.parse("2026-11-25T15:00:00Z");
    static Path tokens;

    @BeforeAll
    static void atAKnownTime() throws Exception {
        MovingTime.CLOCK.set(WEDNESDAY);
        tokens = Files.createTempDirectory("demo").resolve("tokens.txt");
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        H2Database.register(registry);
        registry.add("atende.demo.tokens-file", () -> tokens.toString());
    }

    @Autowired JdbcClient jdbc;
    @Autowired SlaClocks clocks;
    @Autowired DemoDesk demo;
    @Autowired Quotas quotas;
    @Autowired TransactionTemplate transactions;

    long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void seedsPlansOrganisationsTeamsAndSixtySixTickets() {
        assertThat(count("plan")).isEqualTo(5);
        assertThat(count("organisation")).isEqualTo(6);
        assertThat(count("team")).isEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user WHERE role = 'AGENT'").query(Long.class).single()).isEqualTo(4);
        assertThat(count("ticket")).isEqualTo(66);
        assertThat(jdbc.sql("SELECT DISTINCT channel FROM ticket").query(String.class).list()).hasSize(5);
        assertThat(jdbc.sql("SELECT DISTINCT status FROM ticket").query(String.class).list())
                .contains("NEW", "WAITING_ON_CUSTOMER", "RESOLVED", "OPEN");
        assertThat(jdbc.sql("SELECT DISTINCT language FROM organisation").query(String.class).list())
                .containsExactlyInAnyOrder("PT", "ES", "EN");
    }

    @Test
    void hasClocksInEveryState() {
        List<TicketId> ids = jdbc.sql("SELECT id FROM ticket").query(Long.class).list().stream().map(TicketId::new).toList();
        Set<ClockState> states = clocks.clocksOf(ids, WEDNESDAY).values().stream()
                .flatMap(c -> java.util.stream.Stream.of(c.firstResponse(), c.resolution()))
                .filter(java.util.Objects::nonNull).map(ClockView::state).collect(Collectors.toSet());
        assertThat(states).isEqualTo(EnumSet.allOf(ClockState.class));
        assertThat(clocks.clocksOf(ids, WEDNESDAY).values()).anyMatch(c -> c == TicketClocks.NONE || !c.hasClocks());
    }

    @Test
    void hasOneOrganisationAtItsAllowanceAndOneOverItOnAcceptAndFlag() {
        transactions.executeWithoutResult(tx -> {
            QuotaStatus atLimit = quotas.status(organisation("Oficina Rápida"));
            assertThat(atLimit.policy()).isEqualTo(OverQuotaPolicy.REFUSE);
            assertThat(atLimit.used()).isEqualTo(atLimit.allowance());
            assertThat(atLimit.remaining()).isZero();
            QuotaStatus over = quotas.status(organisation("Lumen Studio"));
            assertThat(over.policy()).isEqualTo(OverQuotaPolicy.ACCEPT_AND_FLAG);
            assertThat(over.used()).isGreaterThan(over.allowance());
            assertThat(over.overQuota()).isEqualTo(1);
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ticket WHERE over_quota").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM organisation WHERE account_lead_id IS NULL").query(Long.class).single()).isZero();
    }

    @Test
    void hasTechnicalServiceWorkWithQuotesInEveryState() {
        assertThat(jdbc.sql("SELECT DISTINCT state FROM quote").query(String.class).list())
                .containsExactlyInAnyOrder("DRAFT", "SENT", "SUPERSEDED", "REJECTED", "ACCEPTED", "DONE", "INVOICED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sla_clock WHERE excluded_since IS NOT NULL").query(Long.class).single())
                .as("a support ticket reclassified as technical service, its clocks excluded").isEqualTo(2);
    }

    @Test
    void hasHelpArticlesOnFourTopicsInEveryLanguageAndTwoDrafts() {
        assertThat(jdbc.sql("SELECT language, COUNT(*) FROM kb_article WHERE status = 'PUBLISHED' GROUP BY language")
                .query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2)).list()).containsExactlyInAnyOrder("ES=4", "PT=4", "EN=4");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM kb_article WHERE status = 'DRAFT'").query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT translation_group) FROM kb_article WHERE status = 'PUBLISHED'")
                .query(Long.class).single()).as("each topic's three languages linked").isEqualTo(4);
        assertThat(count("kb_category")).isEqualTo(3);
    }

    OrganisationId organisation(String name) {
        return new OrganisationId(jdbc.sql("SELECT id FROM organisation WHERE name = ?").param(name).query(Long.class).single());
    }

    @Test
    void writesTokensToTryTheApiWith() throws Exception {
        assertThat(Files.readString(tokens)).containsPattern("ADMIN_TOKEN=atd_\\S+\\nCUSTOMER_TOKEN=atd_\\S+");
    }

    @Test
    void neverSeedsTwice() throws Exception {
        demo.run(null);
        assertThat(count("ticket")).isEqualTo(66);
        assertThat(count("organisation")).isEqualTo(6);
        assertThat(count("kb_article")).isEqualTo(14);
    }
}
