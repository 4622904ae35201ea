package org.atende.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.atende.calendar.Break;
import org.atende.calendar.BusinessCalendar;
import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.sla.Desk.Entry;
import org.atende.support.DeskFixtures;
import org.atende.tickets.Channel;
import org.atende.tickets.OpenTicket;
import org.atende.tickets.Priority;
import org.atende.tickets.Reply;
import org.atende.tickets.TicketChanges;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketReclassified;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketType;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A ticket's clocks as an agent moves it between support and technical service through the tickets
 * facade, on the support calendar (Lisbon, weekdays 09:00–21:00, Portuguese holidays; UTC+0 in
 * November and December 2026) and the default policy: first response Medium 1 business day, High 12
 * business hours, Urgent 4; resolution 24 business hours; paused while waiting on the customer.
 */
class TechnicalServiceClocksIntegrationTests extends SlaIntegrationSupport {

    static final String RECEIVED = "2026-11-26T10:00:00Z"; // a Thursday

    @Autowired Tickets tickets;
    @Autowired SlaClocks clocks;
    @Autowired SlaSweep sweep;
    @Autowired BusinessCalendar supportCalendar;

    Actor agent;
    OrganisationId customer;

    @BeforeEach
    void anAgentAndACustomer() {
        agent = new DeskFixtures(jdbc).staff(Role.AGENT, "Carla Agent");
        customer = desk.customer();
    }

    static Instant at(String utc) {
        return Instant.parse(utc);
    }

    TicketId open(TicketType type, Priority priority, String when) {
        clock.set(when);
        TicketView t = tickets.open(new OpenTicket(customer, null, Channel.EMAIL, "Invoices went missing",
                "We deleted them by mistake", type, null, null, Set.of()), agent);
        if (t.priority() != priority) {
            tickets.update(t.id(), TicketChanges.priority(priority), agent);
        }
        return t.id();
    }

    TicketView change(TicketId ticket, TicketChanges changes, String when) {
        clock.set(when);
        return tickets.update(ticket, changes, agent);
    }

    static TicketChanges type(TicketType type) {
        return new TicketChanges(null, type, null, null, null, false, null, null);
    }

    void toTechnicalService(TicketId ticket, String when) {
        change(ticket, type(TicketType.TECHNICAL_SERVICE), when);
    }

    void backToSupport(TicketId ticket, String when) {
        change(ticket, type(TicketType.INCIDENT), when);
    }

    void status(TicketId ticket, TicketStatus status, String when) {
        change(ticket, TicketChanges.status(status), when);
    }

    void reply(TicketId ticket, String when) {
        clock.set(when);
        tickets.reply(ticket, Reply.publicly("We are looking into it"), agent);
    }

    TicketClocks now(TicketId ticket) {
        return clocks.clocksOf(ticket, clock.instant());
    }

    /** The support calendar with {@code fromTo} (pairs of instants) cut out, as a clock with those pauses counts. */
    BusinessCalendar without(String... fromTo) {
        List<Break> breaks = new ArrayList<>();
        for (int i = 0; i < fromTo.length; i += 2) {
            breaks.add(new Break(at(fromTo[i]), at(fromTo[i + 1])));
        }
        return supportCalendar.withBreaks(breaks);
    }

    List<Entry> lines(TicketId ticket, String kind) {
        return desk.timeline(ticket).stream().filter(e -> e.kind().equals(kind)).toList();
    }

    @Nested
    class LeavingSupport {
        @Test
        void stopsClocksWhenReclassifiedAsTechnicalService() {
            TicketId ticket = open(TicketType.INCIDENT, Priority.URGENT, RECEIVED);

            toTechnicalService(ticket, "2026-11-26T11:30:15Z");

            for (ClockView c : List.of(now(ticket).firstResponse(), now(ticket).resolution())) {
                assertThat(c.state()).isEqualTo(ClockState.PAUSED);
                assertThat(c.isExcluded()).isTrue();
                assertThat(c.excludedSince()).isEqualTo(at("2026-11-26T11:30:15Z"));
                assertThat(c.dueAt()).as("nothing is due outside the SLA").isNull();
                assertThat(c.elapsedSeconds()).isEqualTo(5415);
            }
            clock.advance(Duration.ofDays(7));
            assertThat(now(ticket).firstResponse().elapsedSeconds()).as("time moves, the clock does not").isEqualTo(5415);
            assertThat(now(ticket).resolution().elapsedSeconds()).isEqualTo(5415);
            assertThat(now(ticket).firstResponse().breached()).isFalse();
            assertThat(desk.nextDue(ticket)).isNull();
            assertThat(desk.column(ticket, ClockKind.RESOLUTION, "excluded_since")).isEqualTo("2026-11-26T11:30:15Z");
            assertThat(desk.pauses(ticket, ClockKind.FIRST_RESPONSE)).containsExactly("2026-11-26T11:30:15Z null TECHNICAL_SERVICE");
            assertThat(clocks.isExcluded(ticket)).isTrue();
            assertThat(clocks.excludedSince(ticket)).contains(at("2026-11-26T11:30:15Z"));
            assertThat(desk.timeline(ticket)).extracting(Entry::kind, Entry::detail)
                    .contains(tuple("SLA_EXCLUDED", "SLA clocks stopped: reclassified as technical service"));
        }

        @Test
        void theSweepNeverWarnsOrBreachesAnExcludedClock() {
            TicketId ticket = open(TicketType.INCIDENT, Priority.URGENT, RECEIVED);
            toTechnicalService(ticket, "2026-11-26T12:00:00Z");

            for (String when : List.of("2026-11-26T13:30:00Z", "2026-11-26T14:00:01Z", "2026-12-10T12:00:00Z")) {
                clock.set(when); // past the warning, past the due time, past both targets by weeks
                assertThat(sweep.runOnce()).isEqualTo(new SlaSweep.Result(0, 0));
            }
            assertThat(published.warnings).isEmpty();
            assertThat(published.breaches).isEmpty();
            assertThat(desk.column(ticket, ClockKind.FIRST_RESPONSE, "warned_at")).isNull();
            assertThat(desk.column(ticket, ClockKind.FIRST_RESPONSE, "breached_at")).isNull();
            assertThat(desk.timeline(ticket)).extracting(Entry::kind).doesNotContain(ClockBook.WARNING, ClockBook.BREACHED);
        }

        @Test
        void aClockMissedBeforeTheMoveStaysMissedAndIsNotMarkedAgain() {
            TicketId ticket = open(TicketType.INCIDENT, Priority.URGENT, RECEIVED);
            clock.set("2026-11-26T14:00:01Z");
            assertThat(sweep.runOnce().breached()).isEqualTo(1);

            toTechnicalService(ticket, "2026-11-26T15:00:00Z");
            clock.set("2026-12-10T12:00:00Z");

            assertThat(sweep.runOnce()).isEqualTo(new SlaSweep.Result(0, 0));
            ClockView first = now(ticket).firstResponse();
            assertThat(first.state()).isEqualTo(ClockState.BREACHED);
            assertThat(first.isExcluded()).isTrue();
            assertThat(first.elapsedSeconds()).isEqualTo(5 * 3600);
            assertThat(lines(ticket, ClockBook.BREACHED)).hasSize(1);
        }

        @Test
        void aClockThatHadStoppedKeepsItsOutcome() {
            TicketId ticket = open(TicketType.INCIDENT, Priority.URGENT, RECEIVED);
            reply(ticket, "2026-11-26T10:45:00Z");

            toTechnicalService(ticket, "2026-11-26T11:00:00Z");

            ClockView first = now(ticket).firstResponse();
            assertThat(first.state()).isEqualTo(ClockState.MET);
            assertThat(first.dueAt()).as("a stopped clock keeps the due time it was met by").isEqualTo(at("2026-11-26T14:00:00Z"));
            assertThat(first.elapsedSeconds()).isEqualTo(2700);
            assertThat(first.excludedSince()).isEqualTo(at("2026-11-26T11:00:00Z"));
            assertThat(desk.column(ticket, ClockKind.FIRST_RESPONSE, "stopped_at")).isEqualTo("2026-11-26T10:45:00Z");
            assertThat(desk.pauses(ticket, ClockKind.FIRST_RESPONSE)).isEmpty();
            assertThat(now(ticket).resolution().state()).isEqualTo(ClockState.PAUSED);
        }

        @Test
        void statusChangesWhileTechnicalServiceDoNotMakeTheClocksCount() {
            TicketId ticket = open(TicketType.INCIDENT, Priority.URGENT, RECEIVED);
            toTechnicalService(ticket, "2026-11-26T11:00:00Z");

            status(ticket, TicketStatus.WAITING_ON_CUSTOMER, "2026-11-26T12:00:00Z");
            status(ticket, TicketStatus.OPEN, "2026-11-26T13:00:00Z");
            status(ticket, TicketStatus.ON_HOLD, "2026-11-26T14:00:00Z");
            clock.set("2026-11-26T16:00:00Z");

            assertThat(now(ticket).resolution().elapsedSeconds()).isEqualTo(3600);
            assertThat(now(ticket).firstResponse().elapsedSeconds()).isEqualTo(3600);
            assertThat(now(ticket).resolution().isExcluded()).isTrue();
            assertThat(desk.pauses(ticket, ClockKind.RESOLUTION)).containsExactly("2026-11-26T11:00:00Z null TECHNICAL_SERVICE");
            assertThat(desk.timeline(ticket)).extracting(Entry::kind).doesNotContain(ClockBook.PAUSED, ClockBook.RESUMED);
            assertThat(desk.nextDue(ticket)).isNull();
        }
    }

    @Nested
    class ComingBack {
        @Test
        void restartsFromTheReceiptLeavingOutExactlyTheTechnicalServiceInterval() {
            TicketId ticket = open(TicketType.INCIDENT, Priority.HIGH, RECEIVED);
            status(ticket, TicketStatus.WAITING_ON_CUSTOMER, "2026-11-26T10:30:00Z");
            status(ticket, TicketStatus.OPEN, "2026-11-26T11:00:00Z");
            Instant firstDueBefore = now(ticket).firstResponse().dueAt();
            Instant resolutionDueBefore = now(ticket).resolution().dueAt();

            toTechnicalService(ticket, "2026-11-26T17:20:13Z");
            backToSupport(ticket, "2026-11-30T11:05:07Z"); // Monday, over the weekend
            clock.set("2026-11-30T13:00:00Z");

            Instant start = at(RECEIVED);
            Instant left = at("2026-11-26T17:20:13Z");
            Instant back = at("2026-11-30T11:05:07Z");
            Instant now = clock.instant();
            ClockView first = now(ticket).firstResponse();
            ClockView resolution = now(ticket).resolution();
            // the engine's figures: business time before the move plus business time since the return
            long firstElapsed = supportCalendar.elapsed(start, left).plus(supportCalendar.elapsed(back, now)).getSeconds();
            assertThat(first.elapsedSeconds()).isEqualTo(firstElapsed).isEqualTo(26413 + 6893);
            assertThat(resolution.elapsedSeconds()).isEqualTo(firstElapsed - 1800);
            Instant firstDue = without("2026-11-26T17:20:13Z", "2026-11-30T11:05:07Z").add(start, Duration.ofHours(12));
            Instant resolutionDue = without("2026-11-26T10:30:00Z", "2026-11-26T11:00:00Z",
                    "2026-11-26T17:20:13Z", "2026-11-30T11:05:07Z").add(start, Duration.ofHours(24));
            assertThat(first.dueAt()).isEqualTo(firstDue).isEqualTo(at("2026-11-30T15:44:54Z"));
            assertThat(resolution.dueAt()).isEqualTo(resolutionDue).isEqualTo(at("2026-12-02T16:14:54Z"));
            // each due time moved by the business time of the interval
            Duration interval = supportCalendar.elapsed(left, back);
            assertThat(supportCalendar.elapsed(firstDueBefore, firstDue)).isEqualTo(interval);
            assertThat(supportCalendar.elapsed(resolutionDueBefore, resolutionDue)).isEqualTo(interval);
            assertThat(first.state()).isEqualTo(ClockState.RUNNING);
            assertThat(first.isExcluded()).isFalse();
            assertThat(clocks.excludedSince(ticket)).isEmpty();
            assertThat(desk.nextDue(ticket)).isEqualTo(firstDue);
            assertThat(desk.pauses(ticket, ClockKind.RESOLUTION)).containsExactly(
                    "2026-11-26T10:30:00Z 2026-11-26T11:00:00Z WAITING_ON_CUSTOMER",
                    "2026-11-26T17:20:13Z 2026-11-30T11:05:07Z TECHNICAL_SERVICE");
            assertThat(desk.pauses(ticket, ClockKind.FIRST_RESPONSE)).containsExactly(
                    "2026-11-26T17:20:13Z 2026-11-30T11:05:07Z TECHNICAL_SERVICE");
            assertThat(lines(ticket, ClockBook.RESTARTED)).extracting(Entry::detail).containsExactly(
                    "SLA clocks restarted from receipt 2026-11-26T10:00:00Z with 2 pauses: "
                            + "first response due 2026-11-30T15:44:54Z, resolution due 2026-12-02T16:14:54Z");

            clock.set("2026-11-30T15:44:55Z");
            assertThat(sweep.runOnce().breached()).as("back in support, the clock counts to its due time again").isEqualTo(1);
        }

        @Test
        void appliesTheWaitingStatusTheTicketHasWhenItComesBack() {
            TicketId ticket = open(TicketType.INCIDENT, Priority.URGENT, RECEIVED);
            toTechnicalService(ticket, "2026-11-26T11:00:00Z");
            status(ticket, TicketStatus.WAITING_ON_CUSTOMER, "2026-11-26T12:00:00Z");

            backToSupport(ticket, "2026-11-26T13:00:00Z");
            clock.set("2026-11-26T15:00:00Z");

            ClockView resolution = now(ticket).resolution();
            assertThat(resolution.state()).isEqualTo(ClockState.PAUSED);
            assertThat(resolution.isExcluded()).isFalse();
            assertThat(resolution.elapsedSeconds()).isEqualTo(3600);
            assertThat(desk.pauses(ticket, ClockKind.RESOLUTION)).containsExactly(
                    "2026-11-26T11:00:00Z 2026-11-26T13:00:00Z TECHNICAL_SERVICE",
                    "2026-11-26T13:00:00Z null WAITING_ON_CUSTOMER");
            ClockView first = now(ticket).firstResponse();
            assertThat(first.state()).as("waiting does not pause the first response").isEqualTo(ClockState.RUNNING);
            assertThat(first.dueAt()).isEqualTo(at("2026-11-26T16:00:00Z"));
            assertThat(desk.nextDue(ticket)).isEqualTo(at("2026-11-26T16:00:00Z"));
            assertThat(lines(ticket, ClockBook.RESTARTED)).extracting(Entry::detail).containsExactly(
                    "SLA clocks restarted from receipt 2026-11-26T10:00:00Z with 2 pauses: "
                            + "first response due 2026-11-26T16:00:00Z, resolution paused");
        }

        @Test
        void appliesAStatusSetInTheSameChangeAsTheReturn() {
            TicketId ticket = open(TicketType.INCIDENT, Priority.URGENT, RECEIVED);
            toTechnicalService(ticket, "2026-11-26T11:00:00Z");

            change(ticket, new TicketChanges(null, TicketType.QUESTION, null, TicketStatus.WAITING_ON_CUSTOMER, null, false,
                    null, null), "2026-11-26T13:00:00Z");

            assertThat(now(ticket).resolution().state()).isEqualTo(ClockState.PAUSED);
            assertThat(desk.pauses(ticket, ClockKind.RESOLUTION)).containsExactly(
                    "2026-11-26T11:00:00Z 2026-11-26T13:00:00Z TECHNICAL_SERVICE",
                    "2026-11-26T13:00:00Z null WAITING_ON_CUSTOMER");
        }

        @Test
        void stopsBothClocksWhenTheTicketWasResolvedMeanwhile() {
            TicketId ticket = open(TicketType.INCIDENT, Priority.URGENT, RECEIVED);
            toTechnicalService(ticket, "2026-11-26T11:00:00Z");
            status(ticket, TicketStatus.RESOLVED, "2026-11-26T12:00:00Z");

            backToSupport(ticket, "2026-11-26T13:00:00Z");
            clock.set("2026-11-30T13:00:00Z");

            for (ClockKind kind : ClockKind.values()) {
                assertThat(desk.column(ticket, kind, "stopped_at")).isEqualTo("2026-11-26T13:00:00Z");
                assertThat(desk.column(ticket, kind, "state")).isEqualTo("MET");
            }
            assertThat(now(ticket).resolution().state()).isEqualTo(ClockState.MET);
            assertThat(now(ticket).resolution().elapsedSeconds()).isEqualTo(3600);
            assertThat(now(ticket).firstResponse().state()).as("answered by being solved").isEqualTo(ClockState.MET);
            assertThat(now(ticket).firstResponse().elapsedSeconds()).isEqualTo(3600);
            assertThat(desk.nextDue(ticket)).isNull();
            assertThat(lines(ticket, ClockBook.RESTARTED)).extracting(Entry::detail).containsExactly(
                    "SLA clocks restarted from receipt 2026-11-26T10:00:00Z with 1 pause: first response met, resolution met");
        }

        @Test
        void resumesAClockResolvedBeforeTheMoveWhenTheTicketWasReopenedMeanwhile() {
            TicketId ticket = open(TicketType.INCIDENT, Priority.URGENT, RECEIVED);
            status(ticket, TicketStatus.RESOLVED, "2026-11-26T11:00:00Z");
            toTechnicalService(ticket, "2026-11-26T12:00:00Z");
            status(ticket, TicketStatus.OPEN, "2026-11-26T13:00:00Z");
            assertThat(now(ticket).resolution().state()).as("still resolved for the SLA").isEqualTo(ClockState.MET);

            backToSupport(ticket, "2026-11-26T14:00:00Z");

            ClockView resolution = now(ticket).resolution();
            assertThat(resolution.state()).isEqualTo(ClockState.RUNNING);
            assertThat(resolution.elapsedSeconds()).isEqualTo(3600);
            // 23 h left from Thursday 14:00: 7 h Thursday, 12 h Friday, 4 h Monday
            assertThat(resolution.dueAt()).isEqualTo(at("2026-11-30T13:00:00Z"));
            assertThat(desk.pauses(ticket, ClockKind.RESOLUTION)).containsExactly("2026-11-26T11:00:00Z 2026-11-26T14:00:00Z RESOLVED");
            assertThat(now(ticket).firstResponse().state()).isEqualTo(ClockState.MET);
            assertThat(desk.nextDue(ticket)).isEqualTo(at("2026-11-30T13:00:00Z"));
        }

        @Test
        void aPriorityChangedWhileTechnicalServiceSetsTheTargetsOnReturn() {
            TicketId ticket = open(TicketType.INCIDENT, Priority.MEDIUM, RECEIVED);
            toTechnicalService(ticket, "2026-11-26T11:00:00Z");
            change(ticket, TicketChanges.priority(Priority.URGENT), "2026-11-26T12:00:00Z");
            assertThat(lines(ticket, ClockBook.TARGET_CHANGED)).as("nothing to retarget while outside the SLA").isEmpty();

            backToSupport(ticket, "2026-11-26T13:00:00Z");

            ClockView first = now(ticket).firstResponse();
            assertThat(first.targetSeconds()).isEqualTo(4 * 3600);
            assertThat(first.elapsedSeconds()).isEqualTo(3600);
            assertThat(first.dueAt()).isEqualTo(without("2026-11-26T11:00:00Z", "2026-11-26T13:00:00Z")
                    .add(at(RECEIVED), Duration.ofHours(4))).isEqualTo(at("2026-11-26T16:00:00Z"));
            assertThat(desk.column(ticket, ClockKind.FIRST_RESPONSE, "target_unit")).isEqualTo("HOURS");
            assertThat(lines(ticket, ClockBook.TARGET_CHANGED)).extracting(Entry::field, Entry::detail).containsExactly(tuple(
                    "FIRST_RESPONSE", "First response target 4 business hours (was 1 business day) after the return to support "
                            + "at priority URGENT: "
                            + "due 2026-11-26T16:00:00Z"));
        }
    }

    @Nested
    class OpenedAsTechnicalService {
        @Test
        void getsClocksThatCountOnlyFromItsMoveToSupport() {
            TicketId ticket = open(TicketType.TECHNICAL_SERVICE, Priority.MEDIUM, RECEIVED);
            change(ticket, TicketChanges.priority(Priority.HIGH), "2026-11-26T11:00:00Z");
            assertThat(now(ticket)).isEqualTo(TicketClocks.NONE);

            backToSupport(ticket, "2026-11-27T15:30:20Z");
            clock.set("2026-11-30T10:00:00Z");

            Instant back = at("2026-11-27T15:30:20Z");
            ClockView first = now(ticket).firstResponse();
            assertThat(first.elapsedSeconds()).isEqualTo(supportCalendar.elapsed(back, clock.instant()).getSeconds())
                    .isEqualTo(19780 + 3600);
            assertThat(first.dueAt()).isEqualTo(supportCalendar.add(back, Duration.ofHours(12))).isEqualTo(at("2026-11-30T15:30:20Z"));
            assertThat(now(ticket).resolution().dueAt()).isEqualTo(supportCalendar.add(back, Duration.ofHours(24)))
                    .isEqualTo(at("2026-12-02T15:30:20Z"));
            assertThat(desk.column(ticket, ClockKind.RESOLUTION, "started_at")).isEqualTo(RECEIVED);
            assertThat(desk.column(ticket, ClockKind.RESOLUTION, "excluded_since")).isNull();
            assertThat(desk.pauses(ticket, ClockKind.RESOLUTION)).containsExactly("2026-11-26T10:00:00Z 2026-11-27T15:30:20Z TECHNICAL_SERVICE");
            assertThat(desk.nextDue(ticket)).isEqualTo(at("2026-11-30T15:30:20Z"));
            assertThat(lines(ticket, ClockBook.RESTARTED)).extracting(Entry::detail).containsExactly(
                    "SLA clocks restarted from receipt 2026-11-26T10:00:00Z with 1 pause: "
                            + "first response due 2026-11-30T15:30:20Z, resolution due 2026-12-02T15:30:20Z");
        }

        @Test
        void aReplyBeforeTheMoveIsItsFirstResponse() {
            TicketId ticket = open(TicketType.TECHNICAL_SERVICE, Priority.URGENT, RECEIVED);
            reply(ticket, "2026-11-26T10:20:00Z");

            backToSupport(ticket, "2026-11-26T11:00:00Z");
            clock.set("2026-11-26T12:00:00Z");

            ClockView first = now(ticket).firstResponse();
            assertThat(first.state()).isEqualTo(ClockState.MET);
            assertThat(first.elapsedSeconds()).isZero();
            assertThat(desk.column(ticket, ClockKind.FIRST_RESPONSE, "stopped_at")).isEqualTo("2026-11-26T10:20:00Z");
            assertThat(now(ticket).resolution().state()).isEqualTo(ClockState.RUNNING);
            assertThat(now(ticket).resolution().elapsedSeconds()).isEqualTo(3600);
            assertThat(desk.nextDue(ticket)).isEqualTo(now(ticket).resolution().dueAt());
            assertThat(lines(ticket, ClockBook.RESTARTED)).extracting(Entry::detail).singleElement().asString()
                    .contains("first response met");
        }
    }

    @Nested
    class FirstResponseWhileTechnicalService {
        @Test
        void aPublicReplyIsTheFirstResponseWithTheTimeCountedInSupport() {
            TicketId ticket = open(TicketType.INCIDENT, Priority.URGENT, RECEIVED);
            toTechnicalService(ticket, "2026-11-26T11:00:00Z");

            reply(ticket, "2026-11-26T12:00:00Z");

            ClockView first = now(ticket).firstResponse();
            assertThat(first.state()).isEqualTo(ClockState.MET);
            assertThat(first.elapsedSeconds()).isEqualTo(3600);
            assertThat(first.isExcluded()).isTrue();
            assertThat(desk.pauses(ticket, ClockKind.FIRST_RESPONSE)).containsExactly(
                    "2026-11-26T11:00:00Z 2026-11-26T12:00:00Z TECHNICAL_SERVICE");

            backToSupport(ticket, "2026-11-26T13:00:00Z");

            assertThat(now(ticket).firstResponse().state()).isEqualTo(ClockState.MET);
            assertThat(now(ticket).firstResponse().elapsedSeconds()).isEqualTo(3600);
            assertThat(desk.column(ticket, ClockKind.FIRST_RESPONSE, "stopped_at")).isEqualTo("2026-11-26T12:00:00Z");
            // 23 h left from Thursday 13:00: 8 h Thursday, 12 h Friday, 3 h Monday
            assertThat(now(ticket).resolution().dueAt()).isEqualTo(at("2026-11-30T12:00:00Z"));
            assertThat(desk.nextDue(ticket)).isEqualTo(at("2026-11-30T12:00:00Z"));
        }
    }

    @Nested
    class RepeatedEvents {
        TransactionTemplate transaction() {
            return new TransactionTemplate(transactions);
        }

        void publish(TicketReclassified e) {
            transaction().executeWithoutResult(tx -> events.publishEvent(e));
        }

        record Snapshot(List<String> firstPauses, List<String> resolutionPauses, List<Entry> timeline,
                @Nullable String excludedSince, @Nullable Instant nextDue, TicketClocks clocks) {
        }

        Snapshot snapshot(TicketId ticket) {
            return new Snapshot(desk.pauses(ticket, ClockKind.FIRST_RESPONSE), desk.pauses(ticket, ClockKind.RESOLUTION),
                    desk.timeline(ticket), desk.column(ticket, ClockKind.FIRST_RESPONSE, "excluded_since"),
                    desk.nextDue(ticket), now(ticket));
        }

        TicketReclassified event(TicketId ticket, TicketType from, TicketType to, String when) {
            TicketView t = tickets.get(ticket, agent);
            return new TicketReclassified(ticket, customer, t.priority(), from, to, t.status(), t.receivedAt(), at(when));
        }

        @Test
        void aRepeatedMoveChangesNothing() {
            TicketId ticket = open(TicketType.INCIDENT, Priority.URGENT, RECEIVED);
            toTechnicalService(ticket, "2026-11-26T11:00:00Z");
            clock.set("2026-11-26T12:00:00Z");
            Snapshot left = snapshot(ticket);

            publish(event(ticket, TicketType.INCIDENT, TicketType.TECHNICAL_SERVICE, "2026-11-26T11:00:00Z"));
            assertThat(snapshot(ticket)).isEqualTo(left);

            backToSupport(ticket, "2026-11-26T13:00:00Z");
            clock.set("2026-11-26T14:00:00Z");
            Snapshot back = snapshot(ticket);

            publish(event(ticket, TicketType.TECHNICAL_SERVICE, TicketType.INCIDENT, "2026-11-26T13:00:00Z"));
            assertThat(snapshot(ticket)).isEqualTo(back);
            assertThat(lines(ticket, ClockBook.EXCLUDED)).hasSize(1);
            assertThat(lines(ticket, ClockBook.RESTARTED)).hasSize(1);
        }

        @Test
        void aRepeatedReturnOfATicketOpenedAsTechnicalServiceCreatesNoSecondClocks() {
            TicketId ticket = open(TicketType.TECHNICAL_SERVICE, Priority.URGENT, RECEIVED);
            backToSupport(ticket, "2026-11-26T13:00:00Z");
            Snapshot back = snapshot(ticket);

            publish(event(ticket, TicketType.TECHNICAL_SERVICE, TicketType.INCIDENT, "2026-11-26T13:00:00Z"));

            assertThat(snapshot(ticket)).isEqualTo(back);
            assertThat(desk.clockRows(ticket)).isEqualTo(2);
        }
    }
}
