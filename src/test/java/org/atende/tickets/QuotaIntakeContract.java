package org.atende.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.atende.customers.Customers;
import org.atende.customers.OrganisationDraft;
import org.atende.customers.OrganisationId;
import org.atende.customers.PlanDraft;
import org.atende.customers.PlanId;
import org.atende.customers.PlanSummary;
import org.atende.customers.QuotaExhaustedException;
import org.atende.customers.QuotaMonth;
import org.atende.customers.QuotaStatus;
import org.atende.customers.Quotas;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.support.DeskFixtures;
import org.atende.support.MovingTime;
import org.atende.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/** Monthly allowances at intake, and the units that reclassification, merging and spam give back; on each database. */
@SpringBootTest
@Import(MovingTime.class)
@RecordApplicationEvents
abstract class QuotaIntakeContract {

    static final MutableClock CLOCK = MovingTime.CLOCK;

    @Autowired Tickets tickets;
    @Autowired Quotas quotas;
    @Autowired Customers customers;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired ApplicationEvents events;

    DeskFixtures fixtures;
    long policy;
    Actor agent;

    @BeforeEach
    void desk() {
        CLOCK.set("2026-11-26T10:00:00Z");
        fixtures = new DeskFixtures(jdbc);
        policy = fixtures.standardPolicy();
        agent = fixtures.staff(Role.AGENT, "Carla Agent");
    }

    OrganisationId organisation(Integer allowance, String overQuotaPolicy) {
        return fixtures.organisation("Quota", fixtures.plan(policy, "MEDIUM", allowance, overQuotaPolicy));
    }

    TicketView open(Actor customer, String subject) {
        return open(customer, subject, null, null);
    }

    TicketView open(Actor customer, String subject, TicketType type, Instant receivedAt) {
        return tickets.open(new OpenTicket(null, null, Channel.PORTAL, subject, "Please help", type, null, null, Set.of(),
                receivedAt), customer);
    }

    QuotaStatus status(OrganisationId org) {
        return quotas.status(org);
    }

    @Test
    void countsEachSupportTicketInTheMonthOfItsReceipt() {
        OrganisationId org = organisation(10, "REFUSE");
        Actor ana = fixtures.customer(org, "Ana");
        open(ana, "one");
        open(ana, "two");
        QuotaStatus s = status(org);
        assertThat(s.month()).isEqualTo(YearMonth.of(2026, 11));
        assertThat(s.used()).isEqualTo(2);
        assertThat(s.remaining()).isEqualTo(8);
        assertThat(s.allowance()).isEqualTo(10);
        assertThat(s.renewsAt()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z")); // Lisbon is on UTC in winter
    }

    @Test
    void aTicketReceivedLateOnTheLastEveningOfJulyInUtcCountsForAugustInLisbon() {
        CLOCK.set("2026-08-10T10:00:00Z");
        OrganisationId org = organisation(10, "REFUSE");
        Actor ana = fixtures.customer(org, "Ana");
        open(ana, "before midnight in Lisbon", null, Instant.parse("2026-07-31T22:59:59Z"));
        open(ana, "after midnight in Lisbon", null, Instant.parse("2026-07-31T23:30:00Z"));
        assertThat(quotas.status(org, YearMonth.of(2026, 7)).used()).isEqualTo(1);
        assertThat(quotas.status(org, YearMonth.of(2026, 8)).used()).isEqualTo(1);
        assertThat(quotas.status(org, YearMonth.of(2026, 7)).renewsAt()).isEqualTo(Instant.parse("2026-07-31T23:00:00Z"));
    }

    @Test
    void inWinterTheMonthTurnsAtMidnightUtcBecauseLisbonIsOnWet() {
        CLOCK.set("2027-01-10T10:00:00Z");
        OrganisationId org = organisation(10, "REFUSE");
        Actor ana = fixtures.customer(org, "Ana");
        open(ana, "last second of December", null, Instant.parse("2026-12-31T23:59:59Z"));
        open(ana, "first second of January", null, Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(quotas.status(org, YearMonth.of(2026, 12)).used()).isEqualTo(1);
        assertThat(quotas.status(org, YearMonth.of(2027, 1)).used()).isEqualTo(1);
        assertThat(quotas.status(org, YearMonth.of(2026, 12)).renewsAt()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }

    @Test
    void refusesATicketPastTheAllowanceWithTheFiguresInTheContactsLanguage() {
        OrganisationId org = organisation(2, "REFUSE");
        Actor ana = fixtures.customer(org, "Ana", "PT");
        Actor juan = fixtures.customer(org, "Juan", "ES");
        Actor jane = fixtures.customer(org, "Jane", "EN");
        open(ana, "one");
        open(ana, "two");
        long before = jdbc.sql("SELECT COUNT(*) FROM ticket WHERE organisation_id = ?").param(org.value()).query(Long.class).single();

        assertThatThrownBy(() -> open(ana, "three")).isInstanceOfSatisfying(QuotaExhaustedException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(e.getBody().getType()).isEqualTo(QuotaExhaustedException.TYPE);
            assertThat(e.allowance()).isEqualTo(2);
            assertThat(e.used()).isEqualTo(2);
            assertThat(e.month()).isEqualTo(YearMonth.of(2026, 11));
            assertThat(e.renewsAt()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
            assertThat(e.customerMessage()).contains("inclui 2 tickets por mês", "já utilizou 2", "novembro de 2026",
                    "1 de dezembro de 2026");
        });
        assertThatThrownBy(() -> open(juan, "tres")).isInstanceOfSatisfying(QuotaExhaustedException.class,
                e -> assertThat(e.customerMessage()).contains("incluye 2 tickets al mes", "noviembre de 2026", "1 de diciembre de 2026"));
        assertThatThrownBy(() -> open(jane, "three")).isInstanceOfSatisfying(QuotaExhaustedException.class,
                e -> assertThat(e.customerMessage()).contains("includes 2 tickets a month", "November 2026", "1 December 2026"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ticket WHERE organisation_id = ?").param(org.value()).query(Long.class).single())
                .isEqualTo(before);
        assertThat(status(org).used()).isEqualTo(2);
    }

    @Test
    void acceptsAndFlagsATicketPastTheAllowanceTellsTheCustomerAndShowsItToTheAccountLead() {
        OrganisationId org = organisation(1, "ACCEPT_AND_FLAG");
        Actor lead = fixtures.staff(Role.LEAD, "Lia Lead");
        fixtures.accountLead(org, lead);
        Actor juan = fixtures.customer(org, "Juan", "ES");
        TicketView within = open(juan, "one");
        TicketView over = open(juan, "two");

        assertThat(within.overQuota()).isFalse();
        assertThat(over.overQuota()).isTrue();
        assertThat(status(org).used()).isEqualTo(2);
        assertThat(status(org).overQuota()).isEqualTo(1);
        assertThat(status(org).remaining()).isZero();
        assertThat(tickets.messages(over.id(), juan)).anySatisfy(m -> {
            assertThat(m.kind()).isEqualTo(MessageKind.AUTOMATIC);
            assertThat(m.body()).contains("supera la asignación", "se facturará aparte", "número 2");
        });
        assertThat(events.stream(TicketOverQuota.class)).singleElement()
                .satisfies(e -> assertThat(e.ticketId()).isEqualTo(over.id()));
        var led = new TicketQuery(Set.of(), Set.of(), null, null, null, null, null, null, null, true,
                Set.copyOf(new java.util.HashSet<>(List.of(org))), TicketQuery.Sort.CREATED, 0, 50);
        assertThat(tickets.list(led, lead).items()).extracting(TicketView::id).containsExactly(over.id());
    }

    @Test
    void aDuplicateOrSpamOverTheAllowanceIsNotBilled() {
        OrganisationId org = organisation(1, "ACCEPT_AND_FLAG");
        Actor ana = fixtures.customer(org, "Ana");
        TicketView first = open(ana, "one");
        TicketView duplicate = open(ana, "one again");
        TicketView junk = open(ana, "junk");
        assertThat(duplicate.overQuota()).isTrue();
        assertThat(tickets.merge(duplicate.id(), first.id(), agent).overQuota()).isFalse();
        assertThat(tickets.markSpam(junk.id(), agent).overQuota()).isFalse();
        assertThat(status(org).used()).isEqualTo(1);
        assertThat(status(org).overQuota()).isZero();
    }

    @Test
    void technicalServiceRequestsNeverCount() {
        OrganisationId org = organisation(1, "REFUSE");
        Actor ana = fixtures.customer(org, "Ana");
        open(ana, "support");
        TicketView work = open(ana, "restore my invoices", TicketType.TECHNICAL_SERVICE, null);
        assertThat(work.overQuota()).isFalse();
        assertThat(status(org).used()).isEqualTo(1);
    }

    @Test
    void reclassifyingToTechnicalServiceGivesTheUnitBackAndBackToSupportTakesOne() {
        OrganisationId org = organisation(1, "REFUSE");
        Actor ana = fixtures.customer(org, "Ana");
        TicketView t = open(ana, "actually database work");
        tickets.update(t.id(), new TicketChanges(null, TicketType.TECHNICAL_SERVICE, "bulk_update", null, null, false, null, null), agent);
        assertThat(status(org).used()).isZero();
        TicketView other = open(ana, "room for this one now");
        assertThat(other.overQuota()).isFalse();

        TicketView back = tickets.update(t.id(), new TicketChanges(null, TicketType.INCIDENT, null, null, null, false, null, null), agent);
        assertThat(status(org).used()).isEqualTo(2);
        assertThat(back.overQuota()).as("taken past the allowance by an agent's decision: billable, never refused").isTrue();
        assertThat(tickets.timeline(t.id(), agent)).extracting(TimelineEventView::kind)
                .containsSubsequence("QUOTA_TAKEN", "QUOTA_RETURNED", "QUOTA_TAKEN");
    }

    @Test
    void aTicketReclassifiedBackToSupportCountsForTheMonthItWasReceived() {
        CLOCK.set("2026-12-02T10:00:00Z");
        OrganisationId org = organisation(5, "REFUSE");
        Actor ana = fixtures.customer(org, "Ana");
        TicketView t = open(ana, "November's", TicketType.TECHNICAL_SERVICE, Instant.parse("2026-11-30T15:00:00Z"));
        tickets.update(t.id(), new TicketChanges(null, TicketType.QUESTION, null, null, null, false, null, null), agent);
        assertThat(quotas.status(org, YearMonth.of(2026, 11)).used()).isEqualTo(1);
        assertThat(quotas.status(org, YearMonth.of(2026, 12)).used()).isZero();
    }

    @Test
    void mergingADuplicateGivesItsUnitBackAndPointsTheCustomerToTheTicketThatGoesOn() {
        OrganisationId org = organisation(3, "REFUSE");
        Actor ana = fixtures.customer(org, "Ana", "EN");
        TicketView first = open(ana, "Printer broken");
        TicketView again = open(ana, "Printer still broken");
        TicketView merged = tickets.merge(again.id(), first.id(), agent);

        assertThat(merged.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(merged.closedAs()).isEqualTo(ClosedAs.DUPLICATE);
        assertThat(merged.mergedInto()).isEqualTo(first.id());
        assertThat(status(org).used()).isEqualTo(1);
        assertThat(tickets.messages(again.id(), ana)).anySatisfy(m -> assertThat(m.body())
                .contains("continues in ticket #" + first.number()));
        assertThat(tickets.messages(first.id(), agent)).anySatisfy(m -> {
            assertThat(m.kind()).isEqualTo(MessageKind.NOTE);
            assertThat(m.body()).contains("#" + again.number(), "Printer still broken");
        });
        assertThat(tickets.messages(first.id(), ana)).noneSatisfy(m -> assertThat(m.kind()).isEqualTo(MessageKind.NOTE));
    }

    @Test
    void refusesToMergeAcrossOrganisationsOrIntoAClosedTicket() {
        OrganisationId org = organisation(null, "REFUSE");
        OrganisationId other = organisation(null, "REFUSE");
        Actor ana = fixtures.customer(org, "Ana");
        Actor bruno = fixtures.customer(other, "Bruno");
        TicketView mine = open(ana, "mine");
        TicketView theirs = open(bruno, "theirs");
        TicketView spam = tickets.markSpam(open(ana, "buy now").id(), agent);
        TicketsContract.assertProblem(() -> tickets.merge(mine.id(), theirs.id(), agent), HttpStatus.CONFLICT, "merge-refused");
        TicketsContract.assertProblem(() -> tickets.merge(mine.id(), spam.id(), agent), HttpStatus.CONFLICT, "merge-refused");
        TicketsContract.assertProblem(() -> tickets.merge(mine.id(), mine.id(), agent), HttpStatus.BAD_REQUEST, "invalid-request");
        TicketsContract.assertProblem(() -> tickets.merge(mine.id(), theirs.id(), ana), HttpStatus.NOT_FOUND, "not-found");
    }

    @Test
    void markingSpamClosesTheTicketAndGivesItsUnitBackOnce() {
        OrganisationId org = organisation(2, "REFUSE");
        Actor ana = fixtures.customer(org, "Ana");
        TicketView t = open(ana, "cheap watches");
        TicketView spam = tickets.markSpam(t.id(), agent);
        assertThat(spam.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(spam.closedAs()).isEqualTo(ClosedAs.SPAM);
        assertThat(status(org).used()).isZero();
        TicketsContract.assertProblem(() -> tickets.markSpam(t.id(), agent), HttpStatus.CONFLICT, "illegal-transition");
        TicketsContract.assertProblem(() -> tickets.markSpam(open(ana, "mine").id(), ana), HttpStatus.FORBIDDEN, "forbidden");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM quota_unit WHERE ticket_id = ?").param(t.id().value()).query(Long.class).single())
                .as("the unit's row stays, marked returned").isEqualTo(1);
    }

    @Test
    void aPlanChangeTakesEffectAtOnceAndWhatWasUsedStaysUsed() {
        OrganisationId org = organisation(5, "REFUSE");
        Actor ana = fixtures.customer(org, "Ana");
        open(ana, "one");
        open(ana, "two");
        open(ana, "three");
        long smaller = fixtures.plan(policy, "MEDIUM", 2, "REFUSE");
        jdbc.sql("UPDATE organisation SET plan_id = ? WHERE id = ?").params(smaller, org.value()).update();

        assertThat(status(org).used()).isEqualTo(3);
        assertThat(status(org).remaining()).isZero();
        assertThatThrownBy(() -> open(ana, "four")).isInstanceOf(QuotaExhaustedException.class);

        long unlimited = fixtures.plan(policy, "MEDIUM", null, "REFUSE");
        jdbc.sql("UPDATE organisation SET plan_id = ? WHERE id = ?").params(unlimited, org.value()).update();
        assertThat(open(ana, "four").overQuota()).isFalse();
        assertThat(status(org).remaining()).isNull();
        assertThat(status(org).used()).isEqualTo(4);
    }

    @Test
    void movingFromAPlanWithoutAllowanceToOneWithCountsWhatWasUsedBefore() {
        OrganisationId org = organisation(5, "REFUSE");
        Actor ana = fixtures.customer(org, "Ana");
        open(ana, "one");
        movePlan(org, fixtures.plan(policy, "MEDIUM", null, "REFUSE"));
        open(ana, "two");
        open(ana, "three"); // no allowance: nothing counted but the units

        movePlan(org, fixtures.plan(policy, "MEDIUM", 4, "REFUSE"));

        assertThat(open(ana, "four").overQuota()).isFalse();
        assertThatThrownBy(() -> open(ana, "five")).isInstanceOf(QuotaExhaustedException.class);
        assertThat(status(org).used()).isEqualTo(4);
    }

    private void movePlan(OrganisationId org, long plan) {
        var now = customers.organisation(org).orElseThrow();
        customers.updateOrganisation(org, new OrganisationDraft(now.name(), new PlanId(plan), now.language(), now.calendarId(),
                now.emailDomains(), now.accountLeadId()));
    }

    @Test
    void aPlansNewAllowanceDecidesTheNextTicketAtOnce() {
        long planId = fixtures.plan(policy, "MEDIUM", 2, "REFUSE");
        OrganisationId org = fixtures.organisation("Quota", planId);
        Actor ana = fixtures.customer(org, "Ana");
        open(ana, "one");
        open(ana, "two");
        assertThatThrownBy(() -> open(ana, "three")).isInstanceOf(QuotaExhaustedException.class);
        PlanSummary plan = customers.plan(new PlanId(planId)).orElseThrow();

        customers.updatePlan(plan.id(), new PlanDraft(plan.name(), plan.slaPolicyId(), plan.defaultPriority(), 3, plan.overQuotaPolicy()));
        assertThat(open(ana, "three").overQuota()).isFalse();
        assertThatThrownBy(() -> open(ana, "four")).isInstanceOf(QuotaExhaustedException.class);

        customers.updatePlan(plan.id(), new PlanDraft(plan.name(), plan.slaPolicyId(), plan.defaultPriority(), null, plan.overQuotaPolicy()));
        assertThat(open(ana, "four").overQuota()).isFalse();
        assertThat(status(org).used()).isEqualTo(4);
    }

    @Test
    void aPlansNewDefaultPriorityIsTheNextTicketsAtOnce() {
        long planId = fixtures.plan(policy, "MEDIUM", null, "REFUSE");
        OrganisationId org = fixtures.organisation("Quota", planId);
        Actor ana = fixtures.customer(org, "Ana");
        assertThat(open(ana, "one").priority()).isEqualTo(Priority.MEDIUM);
        PlanSummary plan = customers.plan(new PlanId(planId)).orElseThrow();

        customers.updatePlan(plan.id(), new PlanDraft(plan.name(), plan.slaPolicyId(), "HIGH", null, plan.overQuotaPolicy()));

        assertThat(open(ana, "two").priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void keepsAHistoryByMonthWithReturnedUnits() {
        CLOCK.set("2026-11-26T10:00:00Z");
        OrganisationId org = organisation(1, "ACCEPT_AND_FLAG");
        Actor ana = fixtures.customer(org, "Ana");
        open(ana, "september", null, Instant.parse("2026-09-15T10:00:00Z"));
        open(ana, "november", null, Instant.parse("2026-11-02T10:00:00Z"));
        open(ana, "november again", null, Instant.parse("2026-11-03T10:00:00Z"));
        tickets.markSpam(open(ana, "november spam").id(), agent);

        List<QuotaMonth> history = quotas.history(org, 3);
        assertThat(history).containsExactly(
                new QuotaMonth(YearMonth.of(2026, 11), 2, 1, 1),
                new QuotaMonth(YearMonth.of(2026, 10), 0, 0, 0),
                new QuotaMonth(YearMonth.of(2026, 9), 1, 0, 0));
    }

    @Test
    void opensExactlyTheUnitsLeftWhenThirtyRequestsArriveAtOnce() throws Exception {
        OrganisationId org = organisation(5, "REFUSE");
        Actor ana = fixtures.customer(org, "Ana");
        open(ana, "one");
        open(ana, "two");
        int requests = 30;
        var start = new CountDownLatch(1);
        List<Future<TicketView>> answers = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(requests)) {
            for (int i = 0; i < requests; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return open(ana, "at once " + n);
                }));
            }
            start.countDown();
            int opened = 0;
            int refused = 0;
            for (Future<TicketView> answer : answers) {
                try {
                    answer.get();
                    opened++;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(QuotaExhaustedException.class);
                    refused++;
                }
            }
            assertThat(opened).isEqualTo(3);
            assertThat(refused).isEqualTo(27);
        }
        assertThat(status(org).used()).isEqualTo(5);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ticket WHERE organisation_id = ?").param(org.value()).query(Long.class).single())
                .isEqualTo(5);
    }

    @Test
    void onAcceptAndFlagThirtyAtOnceFlagExactlyThosePastTheAllowance() throws Exception {
        OrganisationId org = organisation(3, "ACCEPT_AND_FLAG");
        Actor ana = fixtures.customer(org, "Ana");
        int requests = 30;
        var start = new CountDownLatch(1);
        List<Future<TicketView>> answers = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(requests)) {
            for (int i = 0; i < requests; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return open(ana, "flood");
                }));
            }
            start.countDown();
            long flagged = 0;
            for (Future<TicketView> answer : answers) {
                flagged += answer.get().overQuota() ? 1 : 0;
            }
            assertThat(flagged).isEqualTo(27);
        }
        assertThat(status(org).used()).isEqualTo(30);
        assertThat(status(org).overQuota()).isEqualTo(27);
    }
}
