package org.atende.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.support.DeskFixtures;
import org.atende.support.MovingTime;
import org.atende.tickets.Channel;
import org.atende.tickets.OpenTicket;
import org.atende.tickets.TicketChanges;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What surveys promise on any database: a burst of clicks on one link records one rating; a resolution asks once
 * and a reopen-and-resolve within the window asks no more; the report's groups add up to the ratings given.
 */
abstract class SurveysContract {

    /** The tokens the desk wrote into its questions, as a channel receives them. */
    static final Map<Long, String> TOKENS = new ConcurrentHashMap<>();

    @TestConfiguration(proxyBeanMethods = false)
    static class Questions {

        @Bean
        Object tokenCatcher() {
            return new Object() {
                @EventListener
                void on(SatisfactionRequested e) {
                    TOKENS.put(e.ticketId().value(), e.token());
                }
            };
        }
    }

    @Autowired Surveys surveys;
    @Autowired SatisfactionReports reports;
    @Autowired Tickets tickets;
    @Autowired JdbcClient jdbc;

    DeskFixtures desk;
    Actor agent;
    Actor customer;
    OrganisationId organisation;

    @BeforeEach
    void aCustomerAndAnAgent() {
        MovingTime.CLOCK.set("2026-11-25T10:00:00Z");
        desk = new DeskFixtures(jdbc);
        organisation = desk.organisation("Padaria", desk.plan(desk.standardPolicy(), "MEDIUM"));
        customer = desk.customer(organisation, "Joana Matos");
        agent = desk.staff(Role.AGENT, "Inês Duarte");
    }

    TicketView resolved() {
        TicketView t = tickets.open(new OpenTicket(null, null, Channel.PORTAL, "A fatura não sai", "Erro 500", null, null, null, Set.of()),
                customer);
        tickets.update(t.id(), new TicketChanges(null, null, null, TicketStatus.RESOLVED, agent.userId(), false, null, null), agent);
        surveys.ask(t.id()); // as the trigger does after the commit (it finds this question and asks no more)
        return t;
    }

    long surveysOf(TicketId t) {
        return jdbc.sql("SELECT COUNT(*) FROM satisfaction_survey WHERE ticket_id = ?").param(t.value()).query(Long.class).single();
    }

    @Test
    void aBurstOfClicksOnOneLinkRecordsOneRating() throws Exception {
        TicketView t = resolved();
        String token = TOKENS.get(t.id().value());
        int clicks = 12;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clicks);
        List<Future<Surveys.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < clicks; i++) {
            Rating rating = i % 2 == 0 ? Rating.GOOD : Rating.BAD;
            answers.add(pool.submit(() -> {
                start.await();
                return surveys.rate(token, rating, Channel.EMAIL);
            }));
        }
        start.countDown();
        List<Surveys.Outcome> outcomes = new ArrayList<>();
        for (Future<Surveys.Answer> a : answers) {
            outcomes.add(a.get().outcome());
        }
        pool.shutdown();
        assertThat(outcomes).filteredOn(o -> o == Surveys.Outcome.RECORDED).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o == Surveys.Outcome.ALREADY_RATED).hasSize(clicks - 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM timeline_event WHERE ticket_id = ? AND kind = 'SATISFACTION_RATED'")
                .param(t.id().value()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aResolutionAsksOnceAndAgainOnlyAfterTheWindow() throws InterruptedException {
        TicketView t = resolved();
        assertThat(surveysOf(t.id())).isEqualTo(1);
        tickets.update(t.id(), TicketChanges.status(TicketStatus.OPEN), agent);
        tickets.update(t.id(), TicketChanges.status(TicketStatus.RESOLVED), agent);
        assertThat(surveys.ask(t.id())).isEmpty();
        MovingTime.CLOCK.set("2026-12-02T10:00:01Z"); // a week and a second later
        tickets.update(t.id(), TicketChanges.status(TicketStatus.OPEN), agent);
        tickets.update(t.id(), TicketChanges.status(TicketStatus.RESOLVED), agent);
        surveys.ask(t.id()); // this, or the trigger after the commit, asks: one of them, once
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> surveysOf(t.id()) == 2);
        Thread.sleep(300);
        assertThat(surveysOf(t.id())).isEqualTo(2);
    }

    @Test
    void theReportsGroupsAddUpToTheRatingsGiven() {
        List<Rating> given = List.of(Rating.GOOD, Rating.GOOD, Rating.BAD, Rating.GOOD, Rating.BAD);
        for (int i = 0; i < given.size(); i++) {
            TicketView t = resolved();
            surveys.rateAsCustomer(t.id(), given.get(i), i == 2 ? "Demorou muito" : null, customer, Channel.PORTAL);
        }
        resolved(); // asked, not answered
        YearMonth month = YearMonth.of(2026, 11);
        for (SatisfactionReports.By by : SatisfactionReports.By.values()) {
            List<SatisfactionFigures> rows = reports.by(by, month, month, organisation);
            assertThat(rows.stream().mapToLong(SatisfactionFigures::rated).sum()).as(by.name()).isEqualTo(5);
            assertThat(rows.stream().mapToLong(SatisfactionFigures::good).sum()).as(by.name()).isEqualTo(3);
            assertThat(rows.stream().mapToLong(SatisfactionFigures::comments).sum()).as(by.name()).isEqualTo(1);
        }
        SatisfactionFigures byAgent = reports.by(SatisfactionReports.By.AGENT, month, month, organisation).getFirst();
        assertThat(byAgent.key()).isEqualTo(String.valueOf(agent.userId().value()));
        assertThat(byAgent.goodShare()).isEqualTo(0.6);
        assertThat(reports.month(organisation, month).rated()).isEqualTo(5);
        assertThat(reports.month(organisation, month.plusMonths(1)).rated()).isZero();
    }
}
