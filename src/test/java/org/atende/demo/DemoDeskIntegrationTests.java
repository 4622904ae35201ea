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
import org.atende.identity.Actor;
import org.atende.identity.Identity;
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
import org.atende.tickets.TicketQuery;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.Tickets;
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
    @Autowired Identity identity;
    @Autowired Tickets tickets;

    long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void seedsPlansOrganisationsTeamsAndSixtySixTickets() {
        assertThat(count("plan")).isEqualTo(5);
        assertThat(count("organisation")).isEqualTo(6);
        assertThat(count("team")).isEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user WHERE role = 'AGENT'").query(Long.class).single()).isEqualTo(6);
        assertThat(count("ticket")).isEqualTo(66);
        assertThat(jdbc.sql("SELECT DISTINCT channel FROM ticket").query(String.class).list()).hasSize(5);
        assertThat(jdbc.sql("SELECT DISTINCT status FROM ticket").query(String.class).list())
                .contains("NEW", "WAITING_ON_CUSTOMER", "RESOLVED", "OPEN");
        assertThat(jdbc.sql("SELECT DISTINCT language FROM organisation").query(String.class).list())
                .containsExactlyInAnyOrder("PT", "ES", "EN");
    }

    @Test
    void hasGoodAndBadRatingsWithCommentsAndAnAgentsFilesThatPreview() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM satisfaction_survey WHERE rating = 'GOOD'").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM satisfaction_survey WHERE rating = 'BAD' AND comment IS NOT NULL").query(Long.class).single())
                .isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM satisfaction_survey WHERE rating IS NULL").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT content_type FROM attachment a JOIN message m ON m.id = a.message_id WHERE m.kind = 'AGENT' ORDER BY a.id")
                .query(String.class).list()).containsExactly("application/pdf", "image/png");
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

    @Test
    void routesTheDemoTicketsSoThatEveryAgentOpensTheDeskToTicketsOfTheirOwnAndTheirTeams() {
        routed();
        List<String> agents = jdbc.sql("SELECT email FROM app_user WHERE role = 'AGENT' ORDER BY id").query(String.class).list();
        assertThat(agents).hasSize(6);
        for (String email : agents) {
            var user = identity.userByEmail(email).orElseThrow();
            Actor agent = identity.actor(user.id()).orElseThrow();
            assertThat(tickets.list(queue(user.id(), null), agent).total()).as("%s: Mine", email).isPositive();
            assertThat(tickets.list(queue(null, user.teamId()), agent).total()).as("%s: My team's", email).isPositive();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM routing_rule").query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT ticket_id) FROM timeline_event WHERE kind = 'ROUTED'").query(Long.class).single())
                .as("every ticket nobody took by hand").isGreaterThan(40);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ticket WHERE team_id IS NULL AND assignee_id IS NULL").query(Long.class).single())
                .as("no ticket left unrouted: the default team takes what no rule matches").isZero();
    }

    @Test
    void routesTechnicalServiceToEngineeringAndSpanishToASpanishSpeakerWhileTheDemosOwnAssignmentsHold() {
        routed();
        assertThat(jdbc.sql("""
                SELECT DISTINCT m.team_id FROM ticket t JOIN app_user m ON m.id = t.assignee_id
                WHERE t.type = 'TECHNICAL_SERVICE' AND t.id IN (SELECT ticket_id FROM timeline_event WHERE kind = 'ROUTED')""")
                .query(Long.class).list()).containsExactly(team("Engenharia"));
        assertThat(jdbc.sql("""
                SELECT DISTINCT u.languages FROM ticket t JOIN contact c ON c.id = t.requester_contact_id JOIN app_user u ON u.id = t.assignee_id
                WHERE c.language = 'ES' AND t.id IN (SELECT ticket_id FROM timeline_event WHERE kind = 'ROUTED')""")
                .query(String.class).list()).isNotEmpty().allSatisfy(l -> assertThat(l).contains("ES"));
        // an owner set by hand (the demo's triage assignments and escalations) is never replaced by routing
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM timeline_event e JOIN ticket t ON t.id = e.ticket_id
                WHERE e.actor_user_id IS NOT NULL AND e.field IN ('assignee', 'team')""").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM timeline_event r WHERE r.kind = 'ROUTED' AND EXISTS (SELECT 1 FROM timeline_event h
                WHERE h.ticket_id = r.ticket_id AND h.actor_user_id IS NOT NULL AND h.field IN ('assignee', 'team'))""")
                .query(Long.class).single()).isZero();
    }

    /** Waits for routing, which runs after the seeding transaction commits. */
    void routed() {
        java.time.Instant until = java.time.Instant.now().plusSeconds(60);
        while (jdbc.sql("SELECT COUNT(*) FROM routing_queue").query(Long.class).single() > 0
                || jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class).single() > 0) {
            assertThat(java.time.Instant.now()).as("routing finished").isBefore(until);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    long team(String name) {
        return jdbc.sql("SELECT id FROM team WHERE name = ?").param(name).query(Long.class).single();
    }

    /** What the desk's "Mine" (an assignee) or "My team's" (a team) queue holds: tickets still being worked on. */
    static TicketQuery queue(org.atende.identity.@org.jspecify.annotations.Nullable UserId assignee,
            org.atende.identity.@org.jspecify.annotations.Nullable TeamId team) {
        return new TicketQuery(EnumSet.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.ON_HOLD),
                Set.of(), null, assignee, team, null, null, null, null, null, null, TicketQuery.Sort.DUE, 0, 50);
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
