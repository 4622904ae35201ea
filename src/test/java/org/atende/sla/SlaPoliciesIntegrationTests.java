package org.atende.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;

import org.atende.customers.OrganisationId;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** Policies as admins keep them, and the calendar a ticket's clocks are measured on. */
class SlaPoliciesIntegrationTests extends SlaIntegrationSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    SlaPolicies policies;

    @Autowired
    StoredCalendars calendars;

    @Autowired
    SlaClocks clocks;

    static SlaPolicyDraft.Target hours(int n) {
        return new SlaPolicyDraft.Target(n, TargetUnit.HOURS);
    }

    static SlaPolicyDraft draft(String name, Long calendarId) {
        Map<Priority, SlaPolicyDraft.Targets> targets = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            targets.put(p, new SlaPolicyDraft.Targets(hours(8 - p.ordinal()), hours(40)));
        }
        return new SlaPolicyDraft(name, 80, Set.of(TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.ON_HOLD), calendarId, targets);
    }

    static String unique(String name) {
        return name + " " + UUID.randomUUID();
    }

    long calendar(String json) {
        var saved = calendars.create(unique("calendar"), JSON.readTree(json));
        return ((Outcome.Saved<StoredCalendar>) saved).value().id();
    }

    @Nested
    class DefaultPolicy {
        @Test
        void isTheVendorsSupportTerms() {
            SlaPolicy terms = policies.get(desk.defaultPolicy()).orElseThrow();

            assertThat(terms.name()).isEqualTo("Standard support terms");
            assertThat(terms.warningPercent()).isEqualTo(75);
            assertThat(terms.pausingStatuses()).containsExactly(TicketStatus.WAITING_ON_CUSTOMER);
            assertThat(terms.calendarId()).isNull();
            assertThat(terms.targets()).containsExactly(
                    Map.entry(Priority.LOW, new PriorityTargets(SlaTarget.days(2), SlaTarget.hours(24))),
                    Map.entry(Priority.MEDIUM, new PriorityTargets(SlaTarget.days(1), SlaTarget.hours(24))),
                    Map.entry(Priority.HIGH, new PriorityTargets(SlaTarget.hours(12), SlaTarget.hours(24))),
                    Map.entry(Priority.URGENT, new PriorityTargets(SlaTarget.hours(4), SlaTarget.hours(24))));
            assertThat(policies.list()).extracting(SlaPolicy::name).contains("Standard support terms");
        }
    }

    @Nested
    class Changes {
        @Test
        void createsAPolicyAndReadsItBack() {
            String name = unique("Gold");
            var saved = policies.create(draft(name, null));

            SlaPolicy gold = ((Outcome.Saved<SlaPolicy>) saved).value();
            assertThat(gold.id()).isPositive();
            assertThat(policies.get(gold.id())).contains(gold);
            assertThat(gold.target(Priority.URGENT, ClockKind.FIRST_RESPONSE)).isEqualTo(SlaTarget.hours(5));
            assertThat(gold.pausingStatuses()).containsExactly(TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.ON_HOLD);
        }

        @Test
        void updatesAPolicyInPlace() {
            SlaPolicy gold = ((Outcome.Saved<SlaPolicy>) policies.create(draft(unique("Gold"), null))).value();
            String renamed = unique("Platinum");
            var changed = new SlaPolicyDraft(renamed, 50, Set.of(), null, draft("x", null).targets());

            SlaPolicy platinum = ((Outcome.Saved<SlaPolicy>) policies.update(gold.id(), changed)).value();

            assertThat(platinum.id()).isEqualTo(gold.id());
            assertThat(policies.get(gold.id())).hasValueSatisfying(p -> {
                assertThat(p.name()).isEqualTo(renamed);
                assertThat(p.warningPercent()).isEqualTo(50);
                assertThat(p.pausingStatuses()).isEmpty();
                assertThat(p.targets()).hasSize(4);
            });
        }

        @Test
        void refusesEveryProblemAtOnce() {
            var targets = new EnumMap<>(draft("x", null).targets());
            targets.remove(Priority.HIGH);
            targets.put(Priority.LOW, new SlaPolicyDraft.Targets(hours(0), null));
            var bad = new SlaPolicyDraft(" ", 100, Set.of(TicketStatus.RESOLVED), 999_999L, targets);

            assertThat(policies.create(bad)).isEqualTo(new Outcome.Rejected<SlaPolicy>(java.util.List.of(
                    "name is required",
                    "warningPercent must be between 1 and 99: 100",
                    "pausingStatuses cannot include RESOLVED: it stops the resolution clock",
                    "calendar 999999 does not exist",
                    "targets.LOW.firstResponse.amount must be a positive whole number: 0",
                    "targets.LOW.resolution is missing",
                    "targets.HIGH is missing: every priority needs a first response and a resolution target")));
        }

        @Test
        void refusesATakenName() {
            assertThat(policies.create(draft("Standard support terms", null)))
                    .isEqualTo(new Outcome.Rejected<SlaPolicy>(java.util.List.of("a policy named 'Standard support terms' exists already")));
        }

        @Test
        void keepsItsOwnNameOnUpdate() {
            String name = unique("Gold");
            SlaPolicy gold = ((Outcome.Saved<SlaPolicy>) policies.create(draft(name, null))).value();
            assertThat(policies.update(gold.id(), draft(name, null))).isInstanceOf(Outcome.Saved.class);
        }

        @Test
        void cannotUpdateAPolicyThatDoesNotExist() {
            assertThatThrownBy(() -> policies.update(999_999, draft(unique("x"), null))).isInstanceOf(NoSuchElementException.class);
        }
    }

    @Nested
    class Calendars {
        static final String ALWAYS = """
                {"zone": "UTC", "week": {"mon": ["00:00-24:00"], "tue": ["00:00-24:00"], "wed": ["00:00-24:00"],
                 "thu": ["00:00-24:00"], "fri": ["00:00-24:00"], "sat": ["00:00-24:00"], "sun": ["00:00-24:00"]}}""";
        static final String EARLY_WEEKDAYS = """
                {"zone": "Europe/Lisbon", "week": {"mon": ["08:00-20:00"], "tue": ["08:00-20:00"], "wed": ["08:00-20:00"],
                 "thu": ["08:00-20:00"], "fri": ["08:00-20:00"]}}""";

        TicketId urgentOnSaturdayNight(OrganisationId organisation) {
            clock.set("2026-11-28T23:10:00Z");
            return desk.open(organisation, Priority.URGENT, TicketType.INCIDENT, "2026-11-28T23:10:00Z");
        }

        @Test
        void measuresTicketsOnThePolicysCalendar() {
            long always = calendar(ALWAYS);
            SlaPolicy policy = ((Outcome.Saved<SlaPolicy>) policies.create(draft(unique("24/7"), always))).value();

            TicketId ticket = urgentOnSaturdayNight(desk.organisation(policy.id(), null));

            assertThat(clocks.clocksOf(ticket, clock.instant()).firstResponse().dueAt()).isEqualTo(Instant.parse("2026-11-29T04:10:00Z"));
            assertThat(desk.column(ticket, ClockKind.FIRST_RESPONSE, "calendar_id")).isEqualTo(Long.toString(always));
        }

        @Test
        void theOrganisationsCalendarWinsOverThePolicys() {
            long always = calendar(ALWAYS);
            long early = calendar(EARLY_WEEKDAYS);
            SlaPolicy policy = ((Outcome.Saved<SlaPolicy>) policies.create(draft(unique("24/7"), always))).value();

            TicketId ticket = urgentOnSaturdayNight(desk.organisation(policy.id(), early));

            // 5 business hours (this policy's urgent target) from Monday 08:00 Lisbon
            assertThat(clocks.clocksOf(ticket, clock.instant()).firstResponse().dueAt()).isEqualTo(Instant.parse("2026-11-30T13:00:00Z"));
        }

        @Test
        void withoutEitherTheSupportCalendarCounts() {
            TicketId ticket = urgentOnSaturdayNight(desk.customer());

            assertThat(clocks.clocksOf(ticket, clock.instant()).firstResponse().dueAt()).isEqualTo(Instant.parse("2026-11-30T13:00:00Z"));
            assertThat(desk.column(ticket, ClockKind.FIRST_RESPONSE, "calendar_id")).isNull();
        }

        @Test
        void anEditedCalendarMovesTheClocksMeasuredOnIt() {
            long always = calendar(ALWAYS);
            TicketId ticket = urgentOnSaturdayNight(desk.organisation(desk.defaultPolicy(), always));
            assertThat(clocks.clocksOf(ticket, clock.instant()).firstResponse().dueAt()).isEqualTo(Instant.parse("2026-11-29T03:10:00Z"));

            String name = calendars.get(always).orElseThrow().name();
            assertThat(calendars.update(always, name, JSON.readTree(EARLY_WEEKDAYS))).isInstanceOf(Outcome.Saved.class);

            assertThat(clocks.clocksOf(ticket, clock.instant()).firstResponse().dueAt()).isEqualTo(Instant.parse("2026-11-30T12:00:00Z"));
        }
    }
}
