package org.atende.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.atende.calendar.BusinessCalendar;
import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.identity.TeamId;
import org.atende.support.DeskFixtures;
import org.atende.support.MovingTime;
import org.atende.support.PropertyCases;
import org.atende.tickets.Channel;
import org.atende.tickets.OpenTicket;
import org.atende.tickets.Priority;
import org.atende.tickets.Reply;
import org.atende.tickets.TicketChanges;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketType;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Reconciliation: random ticket histories played through the desk, with the clock moving on (across the
 * daylight-saving changes and Portuguese holidays), and every figure of every report compared with the
 * same figure recomputed straight from the tickets, clocks and timeline ({@link ReconciliationOracle}).
 * Each case is an organisation of its own; the sweep and the monthly cells run at random points, so that
 * breaches are read both noticed and not, and reports both from cells and from tickets.
 */
@SpringBootTest(properties = {"atende.sla.sweep-enabled=false", "atende.reports.aggregate-enabled=false",
        "atende.notifications.dispatch-enabled=false"})
@Import(MovingTime.class)
abstract class ReconciliationContract {

    /** Cases per database: enough to meet every kind of step many times, short enough for every build. */
    static final int CASES = 30;

    /** Where histories start: before a daylight-saving change, a holiday, a month's end. */
    static final List<Instant> STARTS = List.of(Instant.parse("2026-03-26T08:00:00Z"), Instant.parse("2026-04-01T19:00:00Z"),
            Instant.parse("2026-04-23T10:00:00Z"), Instant.parse("2026-06-02T16:00:00Z"), Instant.parse("2026-10-22T09:30:00Z"),
            Instant.parse("2026-10-29T20:00:00Z"), Instant.parse("2026-11-27T15:00:00Z"), Instant.parse("2026-12-22T11:00:00Z"),
            Instant.parse("2026-12-30T18:00:00Z"));

    @Autowired Reports reports;
    @Autowired ReportCells cells;
    @Autowired Tickets tickets;
    @Autowired JdbcClient jdbc;
    @Autowired BusinessCalendar supportCalendar;
    @Autowired ApplicationContext context;

    /** One history: where it starts and the random its steps are drawn from. */
    record History(Instant start, int steps, long seed) {
    }

    @TestFactory
    Stream<DynamicTest> everyReportFigureEqualsTheTicketsClocksAndTimeline() {
        return PropertyCases.cases("everyReportFigureEqualsTheTicketsClocksAndTimeline", CASES,
                r -> new History(PropertyCases.pick(r, STARTS).plus(PropertyCases.duration(r, Duration.ofHours(30))),
                        PropertyCases.between(r, 12, 45), r.nextLong()),
                this::play);
    }

    private void play(History h) {
        SplittableRandom r = new SplittableRandom(h.seed());
        MovingTime.CLOCK.set(h.start());
        Desk desk = new Desk(new DeskFixtures(jdbc), r);
        for (int i = 0; i < h.steps(); i++) {
            MovingTime.CLOCK.advance(PropertyCases.frequency(r,
                    PropertyCases.weight(4, x -> Duration.ofMinutes(PropertyCases.between(x, 1, 90))),
                    PropertyCases.weight(3, x -> Duration.ofHours(PropertyCases.between(x, 1, 12))),
                    PropertyCases.weight(2, x -> Duration.ofHours(PropertyCases.between(x, 12, 80)))));
            desk.step();
        }
        if (r.nextInt(3) == 0) {
            cells.aggregate();
        }
        MovingTime.CLOCK.advance(Duration.ofMinutes(PropertyCases.between(r, 0, 600)));
        check(desk);
    }

    /** An organisation of its own with its people, and the steps that move its tickets. */
    private final class Desk {

        final SplittableRandom r;
        final OrganisationId org;
        final Actor customer;
        final List<Actor> agents = new ArrayList<>();
        final List<TeamId> teams = new ArrayList<>();
        final List<TicketId> opened = new ArrayList<>();
        final Instant first;

        Desk(DeskFixtures fixtures, SplittableRandom r) {
            this.r = r;
            long policy = fixtures.standardPolicy();
            long plan = r.nextBoolean() ? fixtures.plan(policy, PropertyCases.pick(r, List.of("LOW", "MEDIUM", "HIGH", "URGENT")))
                    : fixtures.plan(policy, "HIGH", PropertyCases.between(r, 1, 4), "ACCEPT_AND_FLAG");
            org = fixtures.organisation("Reconciled", plan);
            customer = fixtures.customer(org, "Clara Cliente");
            agents.add(fixtures.staff(Role.AGENT, "Ana Agente"));
            agents.add(fixtures.staff(Role.LEAD, "Luís Lead"));
            teams.add(fixtures.team("First", "FIRST_LINE"));
            teams.add(fixtures.team("Second", "SECOND_LINE"));
            first = MovingTime.CLOCK.instant();
        }

        Actor agent() {
            return PropertyCases.pick(r, agents);
        }

        void step() {
            List<TicketView> live = opened.stream().map(id -> tickets.lookup(id).orElseThrow())
                    .filter(t -> t.status() != TicketStatus.CLOSED).toList();
            if (live.isEmpty() || r.nextInt(5) == 0) {
                open();
                return;
            }
            TicketView t = PropertyCases.pick(r, live);
            switch (r.nextInt(14)) {
                case 0, 1 -> tickets.reply(t.id(), new Reply("An answer", false, r.nextInt(3) == 0 ? allowed(t, TicketStatus.WAITING_ON_CUSTOMER) : null,
                        null), agent());
                case 2, 3 -> tickets.reply(t.id(), Reply.publicly("The customer writes"), customer);
                case 4, 5 -> status(t);
                case 6 -> tickets.update(t.id(), TicketChanges.priority(PropertyCases.pick(r, List.of(Priority.values()))), agent());
                case 7 -> tickets.update(t.id(), new TicketChanges(null, t.type() == TicketType.TECHNICAL_SERVICE
                        ? PropertyCases.pick(r, List.of(TicketType.INCIDENT, TicketType.QUESTION)) : TicketType.TECHNICAL_SERVICE,
                        null, null, null, false, null, null), agent());
                case 8 -> tickets.escalate(t.id(), PropertyCases.pick(r, teams), "needs another look", agent());
                case 9 -> tickets.update(t.id(), new TicketChanges(null, null, null, null, agent().userId(), false,
                        PropertyCases.pick(r, teams), null), agent());
                case 10 -> merge(t, live);
                case 11 -> {
                    if (r.nextInt(4) == 0) {
                        tickets.markSpam(t.id(), agent());
                    }
                }
                case 12 -> ReflectionTestUtils.invokeMethod(context.getBean("slaSweep"), "runOnce");
                default -> cells.aggregate();
            }
        }

        void open() {
            TicketType type = PropertyCases.frequency(r, PropertyCases.weight(6, TicketType.INCIDENT),
                    PropertyCases.weight(3, TicketType.QUESTION), PropertyCases.weight(1, TicketType.TECHNICAL_SERVICE));
            Instant now = MovingTime.CLOCK.instant();
            Instant received = r.nextInt(4) == 0 ? now.minus(Duration.ofMinutes(PropertyCases.between(r, 1, 120))) : null;
            Actor who = r.nextBoolean() ? customer : agent();
            TicketView t = tickets.open(new OpenTicket(who.role() == Role.CUSTOMER ? null : org, null,
                    PropertyCases.pick(r, List.of(Channel.values())), "Subject", "It does not work", type, null,
                    r.nextInt(4) == 0 ? Priority.URGENT : null, Set.of(), received), who);
            opened.add(t.id());
        }

        void status(TicketView t) {
            List<TicketStatus> next = new ArrayList<>(ALLOWED.getOrDefault(t.status(), Set.of()));
            if (!next.isEmpty()) {
                next.sort(null);
                tickets.update(t.id(), TicketChanges.status(PropertyCases.pick(r, next)), agent());
            }
        }

        @Nullable TicketStatus allowed(TicketView t, TicketStatus to) {
            return ALLOWED.getOrDefault(t.status(), Set.of()).contains(to) ? to : null;
        }

        void merge(TicketView duplicate, List<TicketView> live) {
            List<TicketView> into = live.stream().filter(x -> !x.id().equals(duplicate.id())).toList();
            if (!into.isEmpty() && r.nextInt(3) == 0) {
                tickets.merge(duplicate.id(), PropertyCases.pick(r, into).id(), agent());
            }
        }
    }

    private static final Map<TicketStatus, Set<TicketStatus>> ALLOWED = Map.of(
            TicketStatus.NEW, EnumSet.of(TicketStatus.OPEN, TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.ON_HOLD, TicketStatus.RESOLVED),
            TicketStatus.OPEN, EnumSet.of(TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.ON_HOLD, TicketStatus.RESOLVED),
            TicketStatus.WAITING_ON_CUSTOMER, EnumSet.of(TicketStatus.OPEN, TicketStatus.ON_HOLD, TicketStatus.RESOLVED),
            TicketStatus.ON_HOLD, EnumSet.of(TicketStatus.OPEN, TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.RESOLVED),
            TicketStatus.RESOLVED, EnumSet.of(TicketStatus.OPEN, TicketStatus.CLOSED));

    // ================================================================ the comparison

    private void check(Desk desk) {
        Instant now = MovingTime.CLOCK.instant();
        ReconciliationOracle oracle = new ReconciliationOracle(jdbc, supportCalendar, desk.org.value(), now);
        YearMonth from = YearMonth.from(desk.first.atZone(ReconciliationOracle.LISBON)).minusMonths(1);
        YearMonth to = YearMonth.from(now.atZone(ReconciliationOracle.LISBON));
        for (Dimension by : Dimension.values()) {
            compliance(oracle, by, from, to, desk.org);
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                compliance(oracle, by, m, m, desk.org);
            }
        }
        overall(oracle, from, to, desk.org);
        breaches(oracle, from, to, desk.org);
        flow(oracle, desk.first.atZone(ReconciliationOracle.LISBON).toLocalDate().minusDays(1),
                now.atZone(ReconciliationOracle.LISBON).toLocalDate().plusDays(1), desk.org);
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            quota(oracle, m, desk.org);
            monthly(oracle, m, desk.org);
        }
        everyOrganisation(from, to, now);
    }

    /**
     * Every organisation of the database (the cases so far), read from the cells of every organisation less
     * the changed pairs: the counts are those of each organisation's own report added up, and the times those
     * of every stopped clock. (Earlier cases' tickets are not compared with the oracle here: each case sets
     * the clock back to its own start, so their figures, written later than this case's now, may be ahead of it.)
     */
    private void everyOrganisation(YearMonth from, YearMonth to, Instant now) {
        ReconciliationOracle everyone = new ReconciliationOracle(jdbc, supportCalendar, 0, now);
        List<Long> organisations = everyone.tickets.stream().map(ReconciliationOracle.Ticket::organisation).distinct().toList();
        for (Dimension by : List.of(Dimension.MONTH, Dimension.PRIORITY, Dimension.CHANNEL)) {
            Map<String, long[]> summed = new TreeMap<>();
            for (long o : organisations) {
                for (ComplianceRow r : reports.compliance(by, from, to, new OrganisationId(o))) {
                    long[] c = summed.computeIfAbsent(r.key(), k -> new long[8]);
                    long[] add = {r.tickets(), r.firstResponseMet(), r.firstResponseBreached(), r.resolutionMet(), r.resolutionBreached(),
                            r.pausedTickets(), r.pausedTotalSeconds(), r.reopened()};
                    for (int i = 0; i < 8; i++) {
                        c[i] += add[i];
                    }
                }
            }
            Map<String, List<ReconciliationOracle.Ticket>> groups = new TreeMap<>();
            everyone.counted(from, to).forEach(t -> groups.computeIfAbsent(everyone.key(t, by), k -> new ArrayList<>()).add(t));
            List<ComplianceRow> rows = reports.compliance(by, from, to, null);
            assertThat(rows).extracting(ComplianceRow::key).as("every organisation's groups by %s", by)
                    .containsExactlyInAnyOrderElementsOf(summed.keySet());
            for (ComplianceRow row : rows) {
                assertThat(new long[] {row.tickets(), row.firstResponseMet(), row.firstResponseBreached(), row.resolutionMet(),
                        row.resolutionBreached(), row.pausedTickets(), row.pausedTotalSeconds(), row.reopened()})
                        .as("every organisation, %s %s: the organisations' counts added up", by, row.key()).containsExactly(summed.get(row.key()));
                ReconciliationOracle.Group g = everyone.group(groups.getOrDefault(row.key(), List.of()));
                percentile(row.firstResponseMedianSeconds(), ReconciliationOracle.percentile(g.first(), 0.5), "every organisation first median", true);
                percentile(row.resolutionP90Seconds(), ReconciliationOracle.percentile(g.resolution(), 0.9), "every organisation resolution p90", true);
            }
        }
    }

    private void compliance(ReconciliationOracle oracle, Dimension by, YearMonth from, YearMonth to, @Nullable OrganisationId org) {
        Map<String, List<ReconciliationOracle.Ticket>> groups = new TreeMap<>();
        oracle.counted(from, to).forEach(t -> groups.computeIfAbsent(oracle.key(t, by), k -> new ArrayList<>()).add(t));
        List<ComplianceRow> rows = reports.compliance(by, from, to, org);
        assertThat(rows).extracting(ComplianceRow::key).as("groups by %s, %s to %s", by, from, to)
                .containsExactlyInAnyOrderElementsOf(groups.keySet());
        for (ComplianceRow row : rows) {
            same(row, oracle.group(groups.get(row.key())), by + " " + row.key() + " " + from + ".." + to, !from.equals(to) || org == null);
        }
    }

    private void overall(ReconciliationOracle oracle, YearMonth from, YearMonth to, @Nullable OrganisationId org) {
        same(reports.complianceOverall(from, to, org), oracle.group(oracle.counted(from, to)), "overall", true);
    }

    private static void same(ComplianceRow row, ReconciliationOracle.Group g, String what, boolean approximate) {
        long[] c = g.counts();
        assertThat(new long[] {row.tickets(), row.firstResponseMet(), row.firstResponseBreached(), row.resolutionMet(),
                row.resolutionBreached(), row.pausedTickets(), row.pausedTotalSeconds(), row.reopened()})
                .as("tickets, first response met/breached, resolution met/breached, paused tickets/total, reopened of " + what)
                .containsExactly(c);
        assertThat(row.firstResponseOpen()).isEqualTo(c[0] - c[1] - c[2]);
        percentile(row.firstResponseMedianSeconds(), ReconciliationOracle.percentile(g.first(), 0.5), what + " first median", approximate);
        percentile(row.firstResponseP90Seconds(), ReconciliationOracle.percentile(g.first(), 0.9), what + " first p90", approximate);
        percentile(row.resolutionMedianSeconds(), ReconciliationOracle.percentile(g.resolution(), 0.5), what + " resolution median", approximate);
        percentile(row.resolutionP90Seconds(), ReconciliationOracle.percentile(g.resolution(), 0.9), what + " resolution p90", approximate);
        percentile(row.pausedMedianSeconds(), ReconciliationOracle.percentile(g.paused(), 0.5), what + " paused median", approximate);
    }

    /** Exact for one month; over several, within the histograms' stated 1 %. */
    private static void percentile(@Nullable Double actual, @Nullable Double expected, String what, boolean approximate) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
            return;
        }
        assertThat(actual).as(what).isNotNull();
        assertThat(actual).as(what).isCloseTo(expected, within(approximate ? expected * 0.01 + 1e-6 : 1e-6));
    }

    private void breaches(ReconciliationOracle oracle, YearMonth from, YearMonth to, OrganisationId org) {
        List<String> expected = new ArrayList<>();
        Map<String, List<String>> causes = new TreeMap<>();
        for (ReconciliationOracle.Ticket t : oracle.counted(from, to)) {
            for (String kind : List.of("FIRST_RESPONSE", "RESOLUTION")) {
                ReconciliationOracle.Reading reading = oracle.reading(t, kind);
                if (reading.outcome().equals("BREACHED")) {
                    expected.add(t.number() + " " + kind + " " + reading.due());
                    causes.put(t.number() + " " + kind, ReconciliationOracle.causes(t, reading.due()));
                }
            }
        }
        List<Breach> found = reports.breaches(from, to, org, 10_000);
        assertThat(found).extracting(b -> b.ticketNumber() + " " + b.clock() + " " + b.breachedAt()).as("breaches at their due times")
                .containsExactlyInAnyOrderElementsOf(expected);
        for (Breach b : found) {
            assertThat(b.breachedAt()).isEqualTo(b.dueAt());
            assertThat(b.causes().stream().map(c -> c.at() + " " + c.kind()).sorted().toList())
                    .as("what happened to #%d before its %s breach", b.ticketNumber(), b.clock())
                    .isEqualTo(causes.get(b.ticketNumber() + " " + b.clock()));
        }
    }

    private void flow(ReconciliationOracle oracle, LocalDate from, LocalDate to, OrganisationId org) {
        List<FlowPeriod> days = reports.flowByDay(from, to, org);
        for (FlowPeriod d : days) {
            assertThat(new long[] {d.opened(), d.resolved(), d.reopened(), d.waitingOnCustomer(), d.backlog()})
                    .as("flow of %s: opened, resolved, reopened, waiting, backlog", d.period()).containsExactly(oracle.flow(d.firstDay()));
        }
        for (FlowPeriod w : reports.flowByWeek(from, to, org)) {
            long[] last = oracle.flow(w.lastDay());
            assertThat(new long[] {w.waitingOnCustomer(), w.backlog()}).as("week %s", w.period()).containsExactly(last[3], last[4]);
        }
    }

    private void quota(ReconciliationOracle oracle, YearMonth month, OrganisationId org) {
        List<ReconciliationOracle.Ticket> units = oracle.tickets.stream()
                .filter(t -> t.month().equals(month.toString()) && !t.type().equals("TECHNICAL_SERVICE") && t.closedAs() == null).toList();
        assertThat(reports.quotaUse(month, month, org)).singleElement().satisfies(q -> {
            assertThat(q.used()).as("quota used in %s", month).isEqualTo(units.size());
            assertThat(q.overQuota()).as("over quota in %s", month).isEqualTo(units.stream().filter(ReconciliationOracle.Ticket::overQuota).count());
        });
    }

    private void monthly(ReconciliationOracle oracle, YearMonth month, OrganisationId org) {
        MonthlyOrganisationReport report = reports.monthlyOrganisationReport(org, month).orElseThrow();
        List<ReconciliationOracle.Ticket> counted = oracle.counted(month, month);
        assertThat(report.ticketsStillOpen()).as("still open in %s", month)
                .isEqualTo(counted.stream().filter(t -> !Set.of("RESOLVED", "CLOSED").contains(t.status())).count());
        assertThat(report.ticketsThatWaited()).as("waited in %s", month).isEqualTo(counted.stream().filter(ReconciliationOracle::waited).count());
        same(report.kept(), oracle.group(counted), "monthly " + month, false);
    }
}
