package org.atende.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.atende.customers.Customers;
import org.atende.customers.OrganisationId;
import org.atende.customers.OverQuotaPolicy;
import org.atende.customers.PlanDraft;
import org.atende.customers.PlanId;
import org.atende.identity.Actor;
import org.atende.sla.PriorityTargets;
import org.atende.sla.SlaPolicies;
import org.atende.sla.SlaPolicy;
import org.atende.sla.SlaPolicyDraft;
import org.atende.sla.TargetUnit;
import org.atende.support.DeskFixtures;
import org.atende.support.PostgresSchema;
import org.atende.support.SecondInstance;
import org.atende.tickets.Channel;
import org.atende.tickets.OpenTicket;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two instances on one PostgreSQL schema, each keeping organisations, plans and SLA policies in memory: a change made
 * on one instance (through the desk, or by an operator's SQL) is what the next ticket opened on the other one gets.
 */
@SpringBootTest(properties = {"atende.sla.sweep-enabled=false", "atende.routing.retry-enabled=false"})
@DirtiesContext
class SettingsCachePostgresIntegrationTests {

    @RegisterExtension
    static final PostgresSchema schema = PostgresSchema.createFor(SettingsCachePostgresIntegrationTests.class);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        schema.registerDataSource(registry);
    }

    static ConfigurableApplicationContext other;

    @Autowired JdbcClient jdbc;
    @Autowired Tickets tickets;

    @BeforeAll
    static void startTheOtherInstance(@Autowired JdbcClient ignored) {
        other = SecondInstance.start(schema, "--logging.level.root=WARN");
    }

    @AfterAll
    static void stopTheOtherInstance() {
        if (other != null) {
            other.close();
        }
    }

    @Test
    void aPlanOrPolicyChangedOnOneInstanceIsWhatTheNextTicketOnTheOtherGets() {
        DeskFixtures desk = new DeskFixtures(jdbc);
        long policy = desk.standardPolicy();
        long plan = desk.plan(policy, "MEDIUM");
        OrganisationId org = desk.organisation("Cacheada", plan);
        Actor customer = desk.customer(org, "Rita");
        assertThat(open(tickets, customer).priority()).isEqualTo(Priority.MEDIUM); // both instances now keep the terms
        assertThat(open(other.getBean(Tickets.class), customer).priority()).isEqualTo(Priority.MEDIUM);

        other.getBean(Customers.class).updatePlan(new PlanId(plan), new PlanDraft("Cacheado", policy, "HIGH", null, OverQuotaPolicy.REFUSE));
        TicketView high = open(tickets, customer);
        assertThat(high.priority()).as("the plan's new default priority").isEqualTo(Priority.HIGH);
        assertThat(firstResponseTarget(high)).isEqualTo("12 HOURS");

        SlaPolicies policies = other.getBean(SlaPolicies.class);
        SlaPolicy standard = policies.get(policy).orElseThrow();
        Map<Priority, SlaPolicyDraft.Targets> targets = new EnumMap<>(Priority.class);
        standard.targets().forEach((priority, t) -> targets.put(priority, targets(priority == Priority.HIGH
                ? new PriorityTargets(new org.atende.sla.SlaTarget(6, TargetUnit.HOURS), t.resolution()) : t)));
        policies.update(policy, new SlaPolicyDraft(standard.name(), standard.warningPercent(), standard.pausingStatuses(),
                standard.calendarId(), targets));
        assertThat(firstResponseTarget(open(tickets, customer))).as("the policy changed on the other instance").isEqualTo("6 HOURS");

        jdbc.sql("UPDATE sla_target SET first_response_amount = 3 WHERE policy_id = ? AND priority = 'HIGH'").param(policy).update();
        assertThat(firstResponseTarget(open(other.getBean(Tickets.class), customer))).as("an operator's SQL").isEqualTo("3 HOURS");
        assertThat(firstResponseTarget(open(tickets, customer))).isEqualTo("3 HOURS");
    }

    private static SlaPolicyDraft.Targets targets(PriorityTargets t) {
        return new SlaPolicyDraft.Targets(new SlaPolicyDraft.Target(t.firstResponse().amount(), t.firstResponse().unit()),
                new SlaPolicyDraft.Target(t.resolution().amount(), t.resolution().unit()));
    }

    private static TicketView open(Tickets on, Actor customer) {
        return on.open(new OpenTicket(null, null, Channel.PORTAL, "Sem acesso", "Não consigo entrar.", null, null, null, Set.of(), null),
                customer);
    }

    private String firstResponseTarget(TicketView t) {
        return jdbc.sql("SELECT target_amount || ' ' || target_unit FROM sla_clock WHERE ticket_id = ? AND kind = 'FIRST_RESPONSE'")
                .param(t.id().value()).query(String.class).single();
    }
}
