package org.atende.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.identity.TeamId;
import org.atende.sla.ClockState;
import org.atende.sla.SlaClocks;
import org.atende.support.DeskFixtures;
import org.atende.support.MovingTime;
import org.atende.support.MutableClock;
import org.atende.tickets.BulkOutcome.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.web.ErrorResponseException;

/**
 * Bulk changes through the facade, on each database by its subclasses: every action, each ticket's outcome,
 * the limit, filters, who may, the events that make the clocks and reports follow, and bulk changes racing
 * single changes of the same tickets.
 */
@SpringBootTest
@Import(MovingTime.class)
@RecordApplicationEvents
abstract class TicketBulkContract {

    static final MutableClock CLOCK = MovingTime.CLOCK;

    @Autowired TicketBulk bulk;
    @Autowired Tickets tickets;
    @Autowired SlaClocks clocks;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;

    DeskFixtures fixtures;
    OrganisationId acme;
    OrganisationId globex;
    Actor ana;      // customer at Acme
    Actor carla;    // an agent, who makes the bulk changes
    Actor tiago;    // her colleague
    TeamId secondLine;

    @BeforeEach
    void desk() {
        CLOCK.set("2026-11-26T10:00:00Z"); // a Thursday, 10:00 in Lisbon: the desk is open
        fixtures = new DeskFixtures(jdbc);
        long plan = fixtures.plan(fixtures.standardPolicy(), "MEDIUM");
        acme = fixtures.organisation("Acme", plan);
        globex = fixtures.organisation("Globex", plan);
        ana = fixtures.customer(acme, "Ana Silva");
        carla = fixtures.staff(Role.AGENT, "Carla Agent");
        tiago = fixtures.staff(Role.AGENT, "Tiago Agent");
        secondLine = fixtures.team("Second line", "SECOND_LINE");
    }

    TicketView open(OrganisationId org, String subject, String... tags) {
        return tickets.open(new OpenTicket(org, null, Channel.API, subject, "Não consigo exportar as faturas", null, null,
                null, Set.of(tags)), carla);
    }

    List<TicketId> openMany(OrganisationId org, int count, String subject) {
        List<TicketId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(open(org, subject + " " + i).id());
        }
        return ids;
    }

    BulkResult update(List<TicketId> ids, TicketChanges changes) {
        return bulk.apply(BulkSelection.of(ids, Map.of()), new BulkChange.Update(changes), carla);
    }

    static TicketChanges assignTo(Actor agent) {
        return new TicketChanges(null, null, null, null, agent.userId(), false, null, null);
    }

    long timelineLines(TicketId id, String kind, String field) {
        return tickets.timeline(id, carla).stream().filter(e -> e.kind().equals(kind) && field.equals(e.field())).count();
    }

    static ErrorResponseException refusal(Runnable call) {
        try {
            call.run();
        } catch (ErrorResponseException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void assignsEveryTicketInAChangeOfItsOwnWithOneTimelineLineAndTheEventReportsFollow() {
        List<TicketId> ids = openMany(acme, 5, "Export");
        tickets.update(ids.get(0), assignTo(carla), carla);
        events.clear();

        BulkResult result = update(ids, assignTo(tiago));

        assertThat(result.outcomes()).extracting(BulkOutcome::ticketId).containsExactlyElementsOf(ids);
        assertThat(result.outcomes()).extracting(BulkOutcome::result).containsOnly(Result.CHANGED);
        for (TicketId id : ids) {
            assertThat(tickets.get(id, carla).assigneeId()).isEqualTo(tiago.userId());
            assertThat(tickets.timeline(id, carla)).filteredOn(e -> "assignee".equals(e.field()))
                    .last().satisfies(e -> {
                        assertThat(e.after()).isEqualTo(tiago.userId().toString());
                        assertThat(e.actor()).isEqualTo("Carla Agent");
                    });
            assertThat(jdbc.sql("SELECT assignee_id FROM report_ticket WHERE ticket_id = ?").param(id.value())
                    .query(Long.class).single()).as("the report files it under its new agent").isEqualTo(tiago.userId().value());
        }
        assertThat(timelineLines(ids.get(0), "CHANGED", "assignee")).isEqualTo(2);
        assertThat(timelineLines(ids.get(1), "CHANGED", "assignee")).isEqualTo(1);
        assertThat(events.stream(TicketAssigned.class)).extracting(TicketAssigned::ticketId).containsExactlyElementsOf(ids);
    }

    @Test
    void aBulkPriorityChangeRecomputesEachTicketsClocks() {
        List<TicketId> ids = openMany(acme, 3, "Down");
        assertThat(clocks.clocksOf(ids.get(0), CLOCK.instant()).firstResponse().targetSeconds()).as("medium: 1 business day")
                .isEqualTo(12 * 3600);
        CLOCK.set("2026-11-26T11:00:00Z");

        update(ids, TicketChanges.priority(Priority.URGENT));

        for (TicketId id : ids) {
            var first = clocks.clocksOf(id, CLOCK.instant()).firstResponse();
            assertThat(first.targetSeconds()).as("urgent: 4 business hours").isEqualTo(4 * 3600);
            assertThat(first.dueAt()).as("from the same start").isEqualTo(Instant.parse("2026-11-26T14:00:00Z"));
            assertThat(tickets.get(id, carla).nextDueAt()).isEqualTo(Instant.parse("2026-11-26T14:00:00Z"));
        }
        assertThat(events.stream(TicketReclassified.class)).hasSize(3);
    }

    @Test
    void refusesOneTicketWithTheAllowedMovesWithoutUndoingTheOthers() {
        TicketView fresh = open(acme, "New one");
        TicketView solved = open(acme, "Solved one");
        tickets.update(solved.id(), TicketChanges.status(TicketStatus.RESOLVED), carla);
        long freshLines = tickets.timeline(fresh.id(), carla).size();

        BulkResult result = update(List.of(fresh.id(), solved.id()), TicketChanges.status(TicketStatus.CLOSED));

        assertThat(result.outcomes().get(0)).satisfies(o -> {
            assertThat(o.result()).isEqualTo(Result.REFUSED);
            assertThat(o.number()).isEqualTo(fresh.number());
            assertThat(o.problem().getType().toString()).isEqualTo(TicketProblems.BASE + "illegal-transition");
            assertThat(o.problem().getProperties()).containsEntry("allowed", List.of("OPEN", "WAITING_ON_CUSTOMER", "ON_HOLD", "RESOLVED"));
        });
        assertThat(result.outcomes().get(1).result()).isEqualTo(Result.CHANGED);
        assertThat(tickets.get(solved.id(), carla).status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(tickets.get(fresh.id(), carla).status()).isEqualTo(TicketStatus.NEW);
        assertThat(tickets.timeline(fresh.id(), carla)).hasSize((int) freshLines);
    }

    @Test
    void aTicketThatAlreadyIsSoIsUnchangedAndNothingIsWrittenOrPublished() {
        List<TicketId> ids = openMany(acme, 3, "Again");
        update(ids, new TicketChanges(Priority.HIGH, null, null, null, null, false, secondLine, null));
        Map<TicketId, Integer> versions = new HashMap<>();
        ids.forEach(id -> versions.put(id, tickets.get(id, carla).version()));
        int lines = tickets.timeline(ids.get(0), carla).size();
        events.clear();

        BulkResult again = update(ids, new TicketChanges(Priority.HIGH, null, null, null, null, false, secondLine, null));

        assertThat(again.outcomes()).extracting(BulkOutcome::result).containsOnly(Result.UNCHANGED);
        assertThat(again.outcomes()).allSatisfy(o -> assertThat(o.version()).isEqualTo(versions.get(o.ticketId())));
        assertThat(tickets.timeline(ids.get(0), carla)).hasSize(lines);
        assertThat(events.stream(TicketReclassified.class)).isEmpty();
        assertThat(events.stream(TicketAssigned.class)).isEmpty();
    }

    @Test
    void aStaleSelectionIsRefusedTicketByTicket() {
        List<TicketId> ids = openMany(acme, 3, "Stale");
        Map<TicketId, Integer> read = new HashMap<>();
        ids.forEach(id -> read.put(id, tickets.get(id, carla).version()));
        tickets.update(ids.get(1), assignTo(carla), carla); // someone changes one of them after the page was read

        BulkResult result = bulk.apply(BulkSelection.of(ids, read), new BulkChange.Update(TicketChanges.priority(Priority.LOW)), tiago);

        assertThat(result.outcomes()).extracting(BulkOutcome::result).containsExactly(Result.CHANGED, Result.REFUSED, Result.CHANGED);
        assertThat(result.outcomes().get(1).problem()).satisfies(p -> {
            assertThat(p.getType().toString()).isEqualTo(TicketProblems.BASE + "stale");
            assertThat(p.getStatus()).isEqualTo(409);
            assertThat(p.getProperties()).containsEntry("expectedVersion", read.get(ids.get(1)))
                    .containsEntry("currentVersion", read.get(ids.get(1)) + 1);
        });
        assertThat(tickets.get(ids.get(1), carla).priority()).isEqualTo(Priority.MEDIUM);
        assertThat(tickets.get(ids.get(1), carla).assigneeId()).as("the other change is kept").isEqualTo(carla.userId());
        assertThat(tickets.get(ids.get(2), carla).priority()).isEqualTo(Priority.LOW);
    }

    @Test
    void addsAndRemovesTagsFromWhatEachTicketHas() {
        TicketView a = open(acme, "Tags a", "export", "pdf");
        TicketView b = open(acme, "Tags b", "billing");
        TicketView c = open(acme, "Tags c", "vip");

        BulkResult result = update(List.of(a.id(), b.id(), c.id()),
                new TicketChanges(null, null, null, null, null, false, null, null, Set.of("VIP Client"), Set.of("export", "billing")));

        assertThat(tickets.get(a.id(), carla).tags()).containsExactlyInAnyOrder("pdf", "vip-client");
        assertThat(tickets.get(b.id(), carla).tags()).containsExactlyInAnyOrder("vip-client");
        assertThat(tickets.get(c.id(), carla).tags()).containsExactlyInAnyOrder("vip", "vip-client");
        assertThat(result.outcomes()).extracting(BulkOutcome::result).containsOnly(Result.CHANGED);
        assertThat(tickets.timeline(a.id(), carla)).filteredOn(e -> "tags".equals(e.field())).singleElement()
                .satisfies(e -> assertThat(e.after()).isEqualTo("pdf,vip-client"));
    }

    @Test
    void setsTeamStatusTypeAndUnassignsWithEachChangedFieldOnTheTimeline() {
        List<TicketId> ids = openMany(acme, 2, "Fields");
        update(ids, assignTo(carla));

        update(ids, new TicketChanges(null, TicketType.INCIDENT, null, TicketStatus.ON_HOLD, null, true, secondLine, null));

        for (TicketId id : ids) {
            TicketView t = tickets.get(id, carla);
            assertThat(t.assigneeId()).isNull();
            assertThat(t.teamId()).isEqualTo(secondLine);
            assertThat(t.type()).isEqualTo(TicketType.INCIDENT);
            assertThat(t.status()).isEqualTo(TicketStatus.ON_HOLD);
            assertThat(timelineLines(id, "CHANGED", "type")).isEqualTo(1);
            assertThat(timelineLines(id, "CHANGED", "team")).isEqualTo(1);
            assertThat(timelineLines(id, "CHANGED", "assignee")).isEqualTo(2);
            assertThat(timelineLines(id, "STATUS_CHANGED", "status")).isEqualTo(1);
        }
    }

    @Test
    void movingToTechnicalServiceExcludesTheClocksOfEachTicket() {
        List<TicketId> ids = openMany(acme, 2, "Restore");
        update(ids, new TicketChanges(null, TicketType.TECHNICAL_SERVICE, null, null, null, false, null, null));
        for (TicketId id : ids) {
            assertThat(tickets.get(id, carla).category()).isEqualTo("other");
            assertThat(clocks.isExcluded(id)).isTrue();
        }
    }

    @Test
    void closesAnUnresolvedTicketByResolvingItFirstAndLeavesAClosedOneAlone() {
        TicketView fresh = open(acme, "Close me");
        TicketView solved = open(acme, "Solved");
        tickets.update(solved.id(), TicketChanges.status(TicketStatus.RESOLVED), carla);
        TicketView closed = open(acme, "Closed already");
        tickets.update(closed.id(), TicketChanges.status(TicketStatus.RESOLVED), carla);
        tickets.update(closed.id(), TicketChanges.status(TicketStatus.CLOSED), carla);
        CLOCK.set("2026-11-26T12:00:00Z");
        events.clear();

        BulkResult result = bulk.apply(BulkSelection.of(List.of(fresh.id(), solved.id(), closed.id()), Map.of()),
                new BulkChange.Close(), carla);

        assertThat(result.outcomes()).extracting(BulkOutcome::result).containsExactly(Result.CHANGED, Result.CHANGED, Result.UNCHANGED);
        assertThat(tickets.timeline(fresh.id(), carla)).filteredOn(e -> "status".equals(e.field()))
                .extracting(e -> e.before() + ">" + e.after()).containsExactly("NEW>RESOLVED", "RESOLVED>CLOSED");
        TicketView now = tickets.get(fresh.id(), carla);
        assertThat(now.resolvedAt()).isEqualTo(Instant.parse("2026-11-26T12:00:00Z"));
        assertThat(now.closedAt()).isEqualTo(Instant.parse("2026-11-26T12:00:00Z"));
        assertThat(clocks.clocksOf(fresh.id(), CLOCK.instant()).resolution().state()).as("stopped at the resolution")
                .isEqualTo(ClockState.MET);
        assertThat(events.stream(TicketStatusChanged.class)).extracting(e -> e.from() + ">" + e.to())
                .containsExactly("NEW>RESOLVED", "RESOLVED>CLOSED", "RESOLVED>CLOSED");
    }

    @Test
    void marksSpamOnceAndGivesTheQuotaUnitBack() {
        List<TicketId> ids = openMany(acme, 2, "Buy cheap watches");
        BulkResult first = bulk.apply(BulkSelection.of(ids, Map.of()), new BulkChange.MarkSpam(), carla);
        BulkResult second = bulk.apply(BulkSelection.of(ids, Map.of()), new BulkChange.MarkSpam(), carla);

        assertThat(first.outcomes()).extracting(BulkOutcome::result).containsOnly(Result.CHANGED);
        assertThat(second.outcomes()).extracting(BulkOutcome::result).containsOnly(Result.UNCHANGED);
        for (TicketId id : ids) {
            assertThat(tickets.get(id, carla).closedAs()).isEqualTo(ClosedAs.SPAM);
            assertThat(timelineLines(id, "CLOSED_AS_SPAM", "status")).isEqualTo(1);
            assertThat(tickets.timeline(id, carla)).anySatisfy(e -> assertThat(e.kind()).isEqualTo("QUOTA_RETURNED"));
        }
    }

    @Test
    void mergesIntoTheTargetAndRefusesAnotherOrganisationsTicket() {
        TicketView target = open(acme, "Export fails");
        TicketView dup1 = open(acme, "Export still fails");
        TicketView dup2 = open(acme, "Exportação falha");
        TicketView foreign = open(globex, "Export fails here too");
        events.clear();

        BulkResult result = bulk.apply(BulkSelection.of(List.of(dup1.id(), target.id(), foreign.id(), dup2.id()), Map.of()),
                new BulkChange.Merge(target.id()), carla);

        assertThat(result.mergedInto().id()).isEqualTo(target.id());
        assertThat(result.outcomes()).extracting(BulkOutcome::ticketId).containsExactly(dup1.id(), foreign.id(), dup2.id());
        assertThat(result.outcomes()).extracting(BulkOutcome::result).containsExactly(Result.CHANGED, Result.REFUSED, Result.CHANGED);
        assertThat(result.outcomes().get(1).problem().getProperties()).containsEntry("reason", "different-organisations");
        assertThat(tickets.get(dup1.id(), carla).mergedInto()).isEqualTo(target.id());
        assertThat(tickets.get(dup2.id(), carla).closedAs()).isEqualTo(ClosedAs.DUPLICATE);
        assertThat(tickets.get(foreign.id(), carla).status()).isEqualTo(TicketStatus.NEW);
        assertThat(tickets.messages(target.id(), carla)).filteredOn(m -> m.kind() == MessageKind.NOTE).hasSize(2);
        assertThat(tickets.messages(dup1.id(), carla)).anySatisfy(m -> assertThat(m.kind()).isEqualTo(MessageKind.AUTOMATIC));
        assertThat(events.stream(MessageAdded.class)).as("each customer is told, on their channel, where it continues")
                .filteredOn(e -> e.kind() == MessageKind.AUTOMATIC).extracting(MessageAdded::ticketId)
                .containsExactly(dup1.id(), dup2.id());
        assertThat(events.stream(TicketStatusChanged.class)).extracting(TicketStatusChanged::ticketId).containsExactly(dup1.id(), dup2.id());

        BulkResult again = bulk.apply(BulkSelection.of(List.of(dup1.id()), Map.of()), new BulkChange.Merge(target.id()), carla);
        assertThat(again.outcomes()).extracting(BulkOutcome::result).containsExactly(Result.UNCHANGED);
    }

    @Test
    void refusesAMergeIntoAClosedTicketBeforeChangingAny() {
        TicketView target = open(acme, "Closed target");
        bulk.apply(BulkSelection.of(List.of(target.id()), Map.of()), new BulkChange.Close(), carla);
        TicketView dup = open(acme, "Duplicate");

        ErrorResponseException refused = refusal(() -> bulk.apply(BulkSelection.of(List.of(dup.id()), Map.of()),
                new BulkChange.Merge(target.id()), carla));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().getProperties()).containsEntry("reason", "target-closed");
        assertThat(tickets.get(dup.id(), carla).status()).isEqualTo(TicketStatus.NEW);
    }

    @Test
    void aTicketThatDoesNotExistIsRefusedAsNotFound() {
        TicketView real = open(acme, "Real");
        BulkResult result = update(List.of(new TicketId(987_654_321L), real.id()), TicketChanges.priority(Priority.HIGH));
        assertThat(result.outcomes().get(0)).satisfies(o -> {
            assertThat(o.result()).isEqualTo(Result.REFUSED);
            assertThat(o.number()).isNull();
            assertThat(o.problem().getStatus()).isEqualTo(404);
            assertThat(o.problem().getType().toString()).isEqualTo(TicketProblems.BASE + "not-found");
        });
        assertThat(result.outcomes().get(1).result()).isEqualTo(Result.CHANGED);
    }

    @Test
    void aFilterSelectsEveryMatchingTicketNotOnlyOnePage() {
        OrganisationId big = fixtures.organisation("Big", fixtures.plan(fixtures.standardPolicy(), "LOW"));
        List<TicketId> ids = openMany(big, TicketQuery.MAX_SIZE + 30, "Filter");
        tickets.update(ids.get(0), TicketChanges.status(TicketStatus.RESOLVED), carla);
        TicketQuery unresolved = new TicketQuery(Set.of(TicketStatus.NEW), Set.of(), big, null, null, null, null, null, null,
                null, null, TicketQuery.Sort.CREATED, 0, 1);

        assertThat(bulk.count(BulkSelection.matching(unresolved), carla)).isEqualTo(TicketQuery.MAX_SIZE + 29);
        BulkResult result = bulk.apply(BulkSelection.matching(unresolved), new BulkChange.Update(assignTo(tiago)), carla);

        assertThat(result.outcomes()).extracting(BulkOutcome::ticketId).containsExactlyElementsOf(ids.subList(1, ids.size()));
        assertThat(result.outcomes()).extracting(BulkOutcome::result).containsOnly(Result.CHANGED);
        assertThat(tickets.get(ids.get(0), carla).assigneeId()).isNull();
    }

    @Test
    void refusesMoreThanTheLimitWholeWithTheCountAndChangesNothing() {
        List<TicketId> named = new ArrayList<>();
        for (long i = 1; i <= TicketBulk.LIMIT + 1; i++) {
            named.add(new TicketId(i));
        }
        ErrorResponseException tooMany = refusal(() -> update(named, TicketChanges.priority(Priority.LOW)));
        assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooMany.getBody().getType().toString()).isEqualTo(TicketProblems.BASE + "too-many-tickets");
        assertThat(tooMany.getBody().getProperties()).containsEntry("matched", (long) TicketBulk.LIMIT + 1)
                .containsEntry("limit", TicketBulk.LIMIT);

        OrganisationId huge = fixtures.organisation("Huge", fixtures.plan(fixtures.standardPolicy(), "LOW"));
        insertTickets(huge, TicketBulk.LIMIT + 1);
        TicketQuery all = new TicketQuery(Set.of(), Set.of(), huge, null, null, null, null, null, null, null, null,
                TicketQuery.Sort.DUE, 0, 1);
        ErrorResponseException filtered = refusal(() -> bulk.apply(BulkSelection.matching(all),
                new BulkChange.Update(TicketChanges.priority(Priority.URGENT)), carla));
        assertThat(filtered.getBody().getProperties()).containsEntry("matched", (long) TicketBulk.LIMIT + 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ticket WHERE organisation_id = ? AND priority = 'URGENT'")
                .param(huge.value()).query(Long.class).single()).isZero();

        jdbc.sql("DELETE FROM ticket WHERE id = (SELECT MAX(id) FROM ticket WHERE organisation_id = ?)").param(huge.value()).update();
        assertThat(bulk.resolve(BulkSelection.matching(all), carla)).as("exactly the limit is allowed").hasSize(TicketBulk.LIMIT);
    }

    @Test
    void onlyStaffChangeTicketsInBulk() {
        TicketView mine = tickets.open(new OpenTicket(null, null, Channel.PORTAL, "Mine", "body", null, null, null, Set.of()), ana);
        ErrorResponseException refused = refusal(() -> bulk.apply(BulkSelection.of(List.of(mine.id()), Map.of()),
                new BulkChange.Update(TicketChanges.priority(Priority.URGENT)), ana));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(tickets.get(mine.id(), ana).priority()).isEqualTo(Priority.MEDIUM);
    }

    @Test
    void refusesAnAssigneeWhoIsNotActiveStaffBeforeChangingAny() {
        TicketView t = open(acme, "Who");
        assertThatThrownBy(() -> update(List.of(t.id()), assignTo(ana))).isInstanceOfSatisfying(ErrorResponseException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
        jdbc.sql("UPDATE app_user SET active = FALSE WHERE id = ?").param(tiago.userId().value()).update();
        assertThatThrownBy(() -> update(List.of(t.id()), assignTo(tiago))).isInstanceOf(ErrorResponseException.class);
        assertThatThrownBy(() -> new BulkChange.Update(new TicketChanges(null, null, null, null, null, false, null, null)))
                .isInstanceOf(ErrorResponseException.class);
        assertThat(tickets.get(t.id(), carla).assigneeId()).isNull();
    }

    /**
     * A bulk change made on versions read before, racing agents who change the same tickets one by one: a
     * ticket changed before the bulk change reached it is refused as stale, one it changed first refuses the
     * single change that read it before, and every change reported done is in the ticket.
     */
    @Test
    void aBulkChangeRacingSingleChangesRefusesTheStaleOnesAndLosesNoChange() throws Exception {
        List<TicketId> ids = openMany(acme, 40, "Race");
        Map<TicketId, Integer> read = new HashMap<>();
        ids.forEach(id -> read.put(id, tickets.get(id, carla).version()));
        Map<TicketId, Boolean> singleDone = new ConcurrentHashMap<>();
        TicketId last = ids.get(ids.size() - 1);
        tickets.update(last, new TicketChanges(null, null, null, null, null, false, null, null, Set.of("touched"), Set.of()), tiago);
        singleDone.put(last, true); // surely before the bulk change; the first two are never touched, surely after
        CountDownLatch start = new CountDownLatch(1);
        BulkResult result;
        try (var pool = Executors.newFixedThreadPool(3)) {
            List<Future<?>> singles = new ArrayList<>();
            for (int worker = 0; worker < 2; worker++) {
                int offset = worker;
                singles.add(pool.submit(() -> {
                    start.await();
                    for (int i = ids.size() - 2 - offset; i >= 2; i -= 2) { // from the other end, towards the bulk change
                        TicketId id = ids.get(i);
                        try {
                            tickets.update(id, new TicketChanges(null, null, null, null, null, false, null, null,
                                    Set.of("touched"), Set.of()), tiago);
                            singleDone.put(id, true);
                        } catch (org.springframework.dao.ConcurrencyFailureException e) {
                            singleDone.put(id, false); // refused to its caller (409), not lost
                        }
                    }
                    return null;
                }));
            }
            Future<BulkResult> bulkRun = pool.submit(() -> {
                start.await();
                return bulk.apply(BulkSelection.of(ids, read), new BulkChange.Update(TicketChanges.priority(Priority.URGENT)), carla);
            });
            start.countDown();
            for (Future<?> f : singles) {
                f.get();
            }
            result = bulkRun.get();
        }

        assertThat(result.outcomes()).hasSize(ids.size());
        for (BulkOutcome o : result.outcomes()) {
            TicketView t = tickets.get(o.ticketId(), carla);
            boolean single = singleDone.getOrDefault(o.ticketId(), false);
            assertThat(t.tags().contains("touched")).as("a single change reported done is kept: " + t.number()).isEqualTo(single);
            if (o.result() == Result.CHANGED) {
                assertThat(t.priority()).isEqualTo(Priority.URGENT);
                assertThat(timelineLines(o.ticketId(), "CHANGED", "priority")).isEqualTo(1);
            } else {
                assertThat(o.result()).isEqualTo(Result.REFUSED);
                assertThat(o.problem().getType().toString()).isEqualTo(TicketProblems.BASE + "stale");
                assertThat(single).as("refused only because someone changed it first").isTrue();
                assertThat(t.priority()).isEqualTo(Priority.MEDIUM);
                assertThat(timelineLines(o.ticketId(), "CHANGED", "priority")).isZero();
            }
            assertThat(t.version()).isEqualTo(read.get(o.ticketId()) + (single ? 1 : 0) + (o.result() == Result.CHANGED ? 1 : 0));
        }
        assertThat(result.outcomes().get(0).result()).isEqualTo(Result.CHANGED);
        assertThat(result.outcomes().get(ids.size() - 1).result()).isEqualTo(Result.REFUSED);
    }

    /** Without versions, a bulk change applies to each ticket as it finds it: both it and the single changes are kept. */
    @Test
    void aBulkChangeWithoutVersionsRacingSingleChangesKeepsBoth() throws Exception {
        List<TicketId> ids = openMany(acme, 30, "Race free");
        Map<TicketId, Boolean> singleDone = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        BulkResult result;
        try (var pool = Executors.newFixedThreadPool(2)) {
            Future<?> singles = pool.submit(() -> {
                start.await();
                for (int i = ids.size() - 1; i >= 0; i--) {
                    try {
                        tickets.update(ids.get(i), new TicketChanges(null, null, null, null, null, false, secondLine, null), tiago);
                        singleDone.put(ids.get(i), true);
                    } catch (org.springframework.dao.ConcurrencyFailureException e) {
                        singleDone.put(ids.get(i), false);
                    }
                }
                return null;
            });
            Future<BulkResult> bulkRun = pool.submit(() -> {
                start.await();
                return update(ids, assignTo(tiago));
            });
            start.countDown();
            singles.get();
            result = bulkRun.get();
        }
        assertThat(result.outcomes()).extracting(BulkOutcome::result).containsOnly(Result.CHANGED);
        for (TicketId id : ids) {
            TicketView t = tickets.get(id, carla);
            assertThat(t.assigneeId()).isEqualTo(tiago.userId());
            assertThat(t.teamId() != null).isEqualTo(singleDone.get(id));
        }
    }

    /** Tickets written straight to the table: enough rows to pass the limit without opening each. */
    void insertTickets(OrganisationId org, int count) {
        long first = jdbc.sql("SELECT COALESCE(MAX(number), 0) FROM ticket").query(Long.class).single() + 1_000_000;
        Timestamp at = Timestamp.from(CLOCK.instant());
        for (int i = 0; i < count; i++) {
            jdbc.sql("""
                    INSERT INTO ticket (number, organisation_id, channel, subject, type, priority, status, received_at, updated_at)
                    VALUES (?, ?, 'API', ?, 'QUESTION', 'LOW', 'NEW', ?, ?)""")
                    .params(first + i, org.value(), "Row " + i, at, at).update();
        }
    }
}
