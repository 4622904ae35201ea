package org.atende.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.atende.customers.OrganisationId;
import org.atende.tickets.OpeningDueTimes;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.json.JsonMapper;

/**
 * The first due time asked before a ticket is written (so its row holds it from the insert) is the one its clocks
 * give it once started: any priority, type, policy (targets in hours or in days), calendar (the support calendar, the
 * policy's, the organisation's), reception (nights, weekends, holidays, the changes of hour) and moment of opening
 * (even long after the reception, the clock already past due).
 */
class OpeningDueIntegrationTests extends SlaIntegrationSupport {

    private static final long SEED = 20261206L;
    private static final String ALWAYS = """
            {"zone": "UTC", "week": {"mon": ["00:00-24:00"], "tue": ["00:00-24:00"], "wed": ["00:00-24:00"],
             "thu": ["00:00-24:00"], "fri": ["00:00-24:00"], "sat": ["00:00-24:00"], "sun": ["00:00-24:00"]}}""";
    private static final String EARLY_WEEKDAYS = """
            {"zone": "Europe/Lisbon", "week": {"mon": ["08:00-20:00"], "tue": ["08:00-20:00"], "wed": ["08:00-20:00"],
             "thu": ["08:00-20:00"], "fri": ["08:00-20:00"]}}""";

    @Autowired OpeningDueTimes openingDue;
    @Autowired SlaPolicies policies;
    @Autowired StoredCalendars calendars;

    @TestFactory
    Stream<DynamicTest> theFirstDueTimeAskedBeforeTheTicketIsWrittenIsTheOneItsClocksGive() {
        Random random = new Random(SEED);
        List<OrganisationId> organisations = new ArrayList<>();
        long always = calendar(ALWAYS);
        long early = calendar(EARLY_WEEKDAYS);
        organisations.add(desk.customer()); // the vendor's terms on the support calendar
        organisations.add(desk.organisation(policy(always, random), null));
        organisations.add(desk.organisation(policy(null, random), early));
        organisations.add(desk.organisation(desk.defaultPolicy(), early));
        Instant yearStart = Instant.parse("2026-01-01T00:00:00Z");
        return random.ints(120, 0, Integer.MAX_VALUE).mapToObj(n -> {
            Random c = new Random(SEED + n);
            OrganisationId organisation = organisations.get(c.nextInt(organisations.size()));
            Priority priority = Priority.values()[c.nextInt(Priority.values().length)];
            TicketType type = c.nextInt(8) == 0 ? TicketType.TECHNICAL_SERVICE : TicketType.values()[c.nextInt(4)];
            Instant received = yearStart.plusSeconds(c.nextLong(365L * 86_400)).plusMillis(c.nextInt(1000));
            Instant opened = received.plus(Duration.ofMinutes(c.nextInt(4) == 0 ? c.nextInt(20_000) : 0));
            return DynamicTest.dynamicTest("seed " + (SEED + n) + ": " + priority + " " + type + " received " + received
                    + ", opened " + opened, () -> {
                clock.set(opened);
                Instant asked = openingDue.firstDue(organisation, priority, type, received);
                TicketId ticket = desk.open(organisation, priority, type, received.toString());
                assertThat(asked).isEqualTo(desk.nextDue(ticket));
                assertThat(asked == null).isEqualTo(!type.isSupport());
            });
        });
    }

    @Test
    void aTechnicalServiceRequestHasNoDueTime() {
        assertThat(openingDue.firstDue(desk.customer(), Priority.URGENT, TicketType.TECHNICAL_SERVICE,
                Instant.parse("2026-11-26T10:00:00Z"))).isNull();
    }

    private long calendar(String json) {
        var saved = calendars.create("calendar " + UUID.randomUUID(), JsonMapper.builder().build().readTree(json));
        return ((Outcome.Saved<StoredCalendar>) saved).value().id();
    }

    /** A policy on {@code calendarId} with targets drawn from {@code random}: hours or days, per priority and clock. */
    private long policy(Long calendarId, Random random) {
        Map<Priority, SlaPolicyDraft.Targets> targets = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            targets.put(p, new SlaPolicyDraft.Targets(target(random), target(random)));
        }
        var saved = policies.create(new SlaPolicyDraft("terms " + UUID.randomUUID(), 10 + random.nextInt(80),
                Set.of(TicketStatus.WAITING_ON_CUSTOMER), calendarId, targets));
        return ((Outcome.Saved<SlaPolicy>) saved).value().id();
    }

    private static SlaPolicyDraft.Target target(Random random) {
        return random.nextBoolean() ? new SlaPolicyDraft.Target(1 + random.nextInt(40), TargetUnit.HOURS)
                : new SlaPolicyDraft.Target(1 + random.nextInt(5), TargetUnit.DAYS);
    }
}
