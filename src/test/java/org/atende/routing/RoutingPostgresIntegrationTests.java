package org.atende.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atende.routing.RoutingDesk.any;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.atende.AtendeApplication;
import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.TeamId;
import org.atende.routing.internal.Router;
import org.atende.support.PostgresSchema;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two instances of the desk on one PostgreSQL schema (this test's context and a second one started beside it), tickets
 * opened on both from many threads at once: every ticket is routed once, and each agent of the team gets N/k ± 1 of
 * them, by round robin and by least open work; the same ticket routed by both instances at once is assigned once.
 */
@SpringBootTest(properties = {"atende.sla.sweep-enabled=false", "atende.routing.retry-enabled=false"})
@DirtiesContext
class RoutingPostgresIntegrationTests {

    @RegisterExtension
    static final PostgresSchema schema = PostgresSchema.createFor(RoutingPostgresIntegrationTests.class);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        schema.registerDataSource(registry);
    }

    static ConfigurableApplicationContext second;

    @Autowired JdbcClient jdbc;
    @Autowired Tickets tickets;
    @Autowired RoutingRules rules;
    @Autowired Router router;
    @Autowired javax.sql.DataSource dataSource;
    @Autowired org.springframework.transaction.support.TransactionTemplate transactions;

    RoutingDesk desk;
    TeamId team;
    List<Actor> agents;
    List<Actor> customers;

    @BeforeAll
    static void startTheSecondInstance(@Autowired JdbcClient ignored) {
        second = new SpringApplicationBuilder(AtendeApplication.class).run(
                "--spring.datasource.url=" + schema.jdbcUrl(), "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--server.port=0", "--atende.sla.sweep-enabled=false", "--atende.notifications.dispatch-enabled=false",
                "--atende.techservice.expiry-enabled=false", "--atende.digest.schedule-enabled=false", "--atende.routing.retry-enabled=false",
                "--logging.level.root=WARN");
    }

    @AfterAll
    static void stopTheSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @BeforeEach
    void desk() {
        desk = new RoutingDesk(jdbc, tickets, rules);
        team = desk.team("Primeira linha");
        agents = List.of(desk.agent("Inês", team, "PT"), desk.agent("Tiago", team, "PT"), desk.agent("Rui", team, "PT"));
        OrganisationId org = desk.organisation(desk.plan("MEDIUM"), "PT");
        customers = List.of(desk.customer(org, "PT"), desk.customer(org, "PT"));
    }

    @Test
    void roundRobinStaysFairAcrossTwoInstancesOpeningAtOnce() throws Exception {
        desk.rule("Tudo", any(), team, RoutingMethod.ROUND_ROBIN);
        List<TicketView> opened = openOnBothInstances(90, "rr");
        assertSharedFairly(opened, 90);
        RoutingDesk.assertInTurn(desk.picksInLockOrder(team), agents);
    }

    @Test
    void leastOpenWorkStaysBalancedAcrossTwoInstancesOpeningAtOnce() throws Exception {
        desk.rule("Tudo", any(), team, RoutingMethod.LEAST_OPEN_WORK);
        List<TicketView> opened = openOnBothInstances(60, "low");
        assertSharedFairly(opened, 60);
        Map<Long, Integer> load = new HashMap<>();
        agents.forEach(a -> load.put(a.userId().value(), 0));
        List<Long> picks = desk.picksInLockOrder(team);
        for (int i = 0; i < picks.size(); i++) {
            int least = load.values().stream().min(Integer::compare).orElseThrow();
            assertThat(load.get(picks.get(i))).as("pick %d went to an agent with the least open work then: %s", i, picks).isEqualTo(least);
            load.merge(picks.get(i), 1, Integer::sum);
        }
    }

    @Test
    void routingsPendingInThePublicationRegistryAtUpgradeAreTakenUpByTheQueue() {
        List<TicketView> opened = desk.pendingPublicationsMovedToTheQueue(customers.getFirst(), "postgresql",
                work -> transactions.executeWithoutResult(s -> {
                    work.run();
                    desk.rule("Tudo", any(), team, RoutingMethod.ROUND_ROBIN);
                }), dataSource);
        desk.settle();
        List<Long> ids = agents.stream().map(a -> a.userId().value()).toList();
        assertThat(tickets.lookup(opened.get(0).id()).orElseThrow().assigneeId().value()).isIn(ids);
        assertThat(tickets.lookup(opened.get(1).id()).orElseThrow().assigneeId().value()).isIn(ids);
        assertThat(tickets.lookup(opened.get(2).id()).orElseThrow().assigneeId()).as("its routing had been done").isNull();
    }

    @Test
    void bothInstancesRoutingTheSameTicketsAtOnceAssignEachOnce() throws Exception {
        List<TicketView> unrouted = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            unrouted.add(desk.open(customers.get(i % 2), "twice " + i, "…"));
        }
        desk.settle(); // no rule yet: nothing happened to them
        desk.rule("Tudo", any(), team, RoutingMethod.ROUND_ROBIN);
        Router other = second.getBean(Router.class);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Router.Result>> results = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (TicketView t : unrouted) {
                for (Router r : List.of(router, other)) {
                    results.add(pool.submit((Callable<Router.Result>) () -> {
                        start.await();
                        return r.opened(t.id());
                    }));
                }
            }
            start.countDown();
            Map<Router.Result, Integer> outcomes = new HashMap<>();
            for (Future<Router.Result> f : results) {
                outcomes.merge(f.get(), 1, Integer::sum);
            }
            assertThat(outcomes.get(Router.Result.ROUTED)).isEqualTo(24);
            assertThat(outcomes.getOrDefault(Router.Result.ALREADY_OWNED, 0) + outcomes.getOrDefault(Router.Result.CHANGED_MEANWHILE, 0))
                    .isEqualTo(24);
        }
        assertSharedFairly(unrouted, 24);
    }

    /** Opens n tickets from 12 threads, each ticket on one instance or the other in turn. */
    private List<TicketView> openOnBothInstances(int n, String prefix) throws Exception {
        Tickets[] instances = {tickets, second.getBean(Tickets.class)};
        CountDownLatch start = new CountDownLatch(1);
        List<Future<TicketView>> futures = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(12)) {
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit((Callable<TicketView>) () -> {
                    start.await();
                    return instances[k % 2].open(new org.atende.tickets.OpenTicket(null, null, org.atende.tickets.Channel.PORTAL,
                            prefix + " " + k, "Ao mesmo tempo", null, null, null, java.util.Set.of()), customers.get(k % 2));
                }));
            }
            start.countDown();
            List<TicketView> opened = new ArrayList<>();
            for (Future<TicketView> f : futures) {
                opened.add(f.get());
            }
            return opened;
        }
    }

    private void assertSharedFairly(List<TicketView> opened, int n) {
        desk.settle();
        Map<Long, Integer> perAgent = new HashMap<>();
        for (TicketView t : opened) {
            TicketView now = tickets.lookup(t.id()).orElseThrow();
            assertThat(now.teamId()).isEqualTo(team);
            assertThat(now.assigneeId()).as("ticket #%d routed", now.number()).isNotNull();
            assertThat(desk.routed(t.id())).as("one routing line on #%d", now.number()).hasSize(1);
            perAgent.merge(now.assigneeId().value(), 1, Integer::sum);
        }
        int k = agents.size();
        assertThat(perAgent).hasSize(k);
        assertThat(perAgent.values()).as("%s", perAgent).allSatisfy(c -> assertThat(c).isBetween(n / k - 1, n / k + 1));
        assertThat(jdbc.sql("SELECT assigned FROM routing_cursor WHERE team_id = ?").param(team.value()).query(Long.class).single())
                .isEqualTo(n);
    }
}
