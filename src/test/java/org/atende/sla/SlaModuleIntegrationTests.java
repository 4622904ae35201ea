package org.atende.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.atende.customers.Customers;
import org.atende.identity.Identity;
import org.atende.customers.Language;
import org.atende.customers.OrganisationId;
import org.atende.customers.OrganisationSummary;
import org.atende.customers.PlanId;
import org.atende.customers.PlanSummary;
import org.atende.tickets.Channel;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketOpened;
import org.atende.tickets.TicketType;
import org.atende.tickets.Tickets;
import org.atende.tickets.TimelineEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The sla module on its own: tickets and customers are stand-ins, so what is checked is what sla
 * asks of them and what it publishes. The calendar library comes along: the support calendar bean
 * is a calendar type, which standalone mode would otherwise leave out.
 */
@ApplicationModuleTest(extraIncludes = {"calendar", "operations"})
@Import(SlaTestConfiguration.class)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:sla-module-tests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password=", "atende.sla.sweep-enabled=false"})
class SlaModuleIntegrationTests {

    @MockitoBean
    Tickets tickets;

    @MockitoBean
    Customers customers;

    @MockitoBean
    Identity identity;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovingClock clock;

    @Autowired
    SlaSweep sweep;

    @Test
    void startsTheClocksOfANewTicketAndPublishesItsBreach(Scenario scenario) {
        long policy = jdbc.sql("SELECT id FROM sla_policy WHERE name = 'Standard support terms'").query(Long.class).single();
        jdbc.sql("INSERT INTO plan (id, name, sla_policy_id, default_priority, created_at) VALUES (77, 'Module', ?, 'LOW', CURRENT_TIMESTAMP)")
                .param(policy).update();
        jdbc.sql("INSERT INTO organisation (id, name, plan_id, language, created_at) VALUES (77, 'Module', 77, 'PT', CURRENT_TIMESTAMP)").update();
        jdbc.sql("""
                INSERT INTO ticket (id, number, organisation_id, channel, subject, type, priority, status, received_at, updated_at)
                VALUES (77, 77, 77, 'EMAIL', 'x', 'INCIDENT', 'URGENT', 'NEW', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""").update();
        var organisation = new OrganisationSummary(new OrganisationId(77), "Module", new PlanId(77), Language.PT, List.of(), null);
        given(customers.organisation(new OrganisationId(77))).willReturn(Optional.of(organisation));
        given(customers.plan(new PlanId(77))).willReturn(Optional.of(new PlanSummary(new PlanId(77), "Module", policy, "LOW")));
        TicketId ticket = new TicketId(77);
        clock.set("2026-11-26T10:00:00Z");

        scenario.publish(new TicketOpened(ticket, 77, new OrganisationId(77), Priority.URGENT, TicketType.INCIDENT,
                        Channel.EMAIL, Instant.parse("2026-11-26T10:00:00Z")))
                .andWaitForStateChange(() -> jdbc.sql("SELECT COUNT(*) FROM sla_clock WHERE ticket_id = 77").query(Integer.class).single(),
                        rows -> rows == 2)
                .andVerify(rows -> verify(tickets).setNextDue(ticket, Instant.parse("2026-11-26T14:00:00Z")));

        clock.set("2026-11-26T14:00:01Z");
        scenario.stimulate(() -> sweep.runOnce())
                .andWaitForEventOfType(SlaBreached.class)
                .matching(e -> e.ticketId().equals(ticket))
                .toArriveAndVerify(e -> {
                    assertThat(e.kind()).isEqualTo(ClockKind.FIRST_RESPONSE);
                    assertThat(e.dueAt()).isEqualTo(Instant.parse("2026-11-26T14:00:00Z"));
                    verify(tickets).recordOnTimelines(argThat((List<Map.Entry<TicketId, TimelineEntry>> lines) -> lines.size() == 1
                            && lines.getFirst().getKey().equals(ticket) && lines.getFirst().getValue().kind().equals("SLA_BREACHED")));
                });
    }
}
