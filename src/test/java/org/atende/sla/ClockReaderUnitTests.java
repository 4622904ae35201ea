package org.atende.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.atende.calendar.BusinessCalendar;
import org.atende.calendar.DefaultCalendar;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each clock rule of the contract, read at chosen instants on the support terms' calendar. */
class ClockReaderUnitTests {

    static final BusinessCalendar LISBON = DefaultCalendar.builder().build();

    static Instant at(String utc) {
        return Instant.parse(utc);
    }

    static ClockReading read(ClockFacts clock, String now) {
        return ClockReader.read(LISBON, clock, 75, at(now));
    }

    static ClockFacts running(String start, SlaTarget target, Pause... pauses) {
        return new ClockFacts(at(start), target, List.of(pauses), null);
    }

    @Nested
    class DueTimes {
        @Test
        void aTicketReceivedOnSaturdayNightStartsCountingOnMonday() {
            var reading = read(running("2026-11-28T23:10:00Z", SlaTarget.hours(4)), "2026-11-29T10:00:00Z");
            assertThat(reading.dueAt()).isEqualTo(at("2026-11-30T13:00:00Z"));
            assertThat(reading.elapsedSeconds()).isZero();
            assertThat(reading.state()).isEqualTo(ClockState.RUNNING);
        }

        @Test
        void skipsTheNationalHolidayOnTheFirstOfDecember() {
            var reading = read(running("2026-11-30T19:00:00Z", SlaTarget.hours(12)), "2026-11-30T19:00:00Z");
            // 2 h on Monday, Tuesday 1 December closed, 10 h on Wednesday
            assertThat(reading.dueAt()).isEqualTo(at("2026-12-02T19:00:00Z"));
        }

        @Test
        void countsBusinessDaysFromTheNextOpening() {
            // Low priority, 2 business days from Friday 22:00: counted from Monday 09:00, and
            // Tuesday 1 December is a holiday, so Wednesday and Thursday are the two days
            var reading = read(running("2026-11-27T22:00:00Z", SlaTarget.days(2)), "2026-11-27T22:00:00Z");
            assertThat(reading.dueAt()).isEqualTo(at("2026-12-03T09:00:00Z"));
            assertThat(reading.targetSeconds()).isEqualTo(2 * 12 * 3600);
        }

        @Test
        void warnsAtThreeQuartersOfTheTarget() {
            var reading = read(running("2026-11-26T10:00:00Z", SlaTarget.hours(4)), "2026-11-26T10:00:00Z");
            assertThat(reading.warnAt()).isEqualTo(at("2026-11-26T13:00:00Z"));
        }
    }

    @Nested
    class Breach {
        final ClockFacts urgent = running("2026-11-26T10:00:00Z", SlaTarget.hours(4));

        @Test
        void isStillMetAtTheDueSecond() {
            var reading = read(urgent, "2026-11-26T14:00:00Z");
            assertThat(reading.state()).isEqualTo(ClockState.RUNNING);
            assertThat(reading.breached()).isFalse();
            assertThat(reading.remainingSeconds()).isZero();
        }

        @Test
        void breachesOneSecondAfterTheDueSecond() {
            var reading = read(urgent, "2026-11-26T14:00:01Z");
            assertThat(reading.state()).isEqualTo(ClockState.BREACHED);
            assertThat(reading.breached()).isTrue();
            assertThat(reading.remainingSeconds()).isEqualTo(-1);
        }

        @Test
        void aClockStoppedInTimeIsMetForever() {
            var stopped = new ClockFacts(at("2026-11-26T10:00:00Z"), SlaTarget.hours(4), List.of(), at("2026-11-26T13:59:59Z"));
            var reading = read(stopped, "2026-12-20T10:00:00Z");
            assertThat(reading.state()).isEqualTo(ClockState.MET);
            assertThat(reading.elapsedSeconds()).isEqualTo(4 * 3600 - 1);
        }

        @Test
        void aClockStoppedLateStaysBreached() {
            var stopped = new ClockFacts(at("2026-11-26T10:00:00Z"), SlaTarget.hours(4), List.of(), at("2026-11-26T15:00:00Z"));
            assertThat(read(stopped, "2026-12-20T10:00:00Z").state()).isEqualTo(ClockState.BREACHED);
        }
    }

    @Nested
    class Pauses {
        @Test
        void pausesWhileWaitingOnTheCustomerAndMovesTheDueTime() {
            var clock = running("2026-11-26T10:00:00Z", SlaTarget.hours(24),
                    new Pause(at("2026-11-26T11:00:00Z"), null));
            var reading = read(clock, "2026-11-27T11:00:00Z");
            assertThat(reading.state()).isEqualTo(ClockState.PAUSED);
            assertThat(reading.elapsedSeconds()).isEqualTo(3600);
            // 23 business hours left from now: the rest of Friday (10 h), Monday (12 h), 1 h on Wednesday
            assertThat(reading.dueAt()).isEqualTo(at("2026-12-02T10:00:00Z"));
        }

        @Test
        void resumesWhereItStopped() {
            var clock = running("2026-11-26T10:00:00Z", SlaTarget.hours(4),
                    new Pause(at("2026-11-26T11:00:00Z"), at("2026-11-26T15:00:00Z")));
            var reading = read(clock, "2026-11-26T16:00:00Z");
            assertThat(reading.state()).isEqualTo(ClockState.RUNNING);
            assertThat(reading.elapsedSeconds()).isEqualTo(2 * 3600);
            assertThat(reading.dueAt()).isEqualTo(at("2026-11-26T18:00:00Z"));
        }

        @Test
        void aReopenedTicketDoesNotCountTheTimeItWasResolved() {
            // resolved at 12:00 (the stop becomes a pause when the customer reopens at 16:00)
            var clock = running("2026-11-26T10:00:00Z", SlaTarget.hours(4),
                    new Pause(at("2026-11-26T12:00:00Z"), at("2026-11-26T16:00:00Z")));
            assertThat(read(clock, "2026-11-26T16:00:00Z").dueAt()).isEqualTo(at("2026-11-26T18:00:00Z"));
        }

        @Test
        void aClockBreachedBeforeItsPauseStaysBreached() {
            var clock = running("2026-11-26T10:00:00Z", SlaTarget.hours(4), new Pause(at("2026-11-26T15:00:00Z"), null));
            assertThat(read(clock, "2026-11-26T18:00:00Z").state()).isEqualTo(ClockState.BREACHED);
        }
    }

    @Nested
    class PriorityChange {
        @Test
        void recomputesFromTheSameStartAndPauses() {
            Pause lunch = new Pause(at("2026-11-26T12:00:00Z"), at("2026-11-26T13:00:00Z"));
            var high = read(running("2026-11-26T10:00:00Z", SlaTarget.hours(12), lunch), "2026-11-26T14:00:00Z");
            var urgent = read(running("2026-11-26T10:00:00Z", SlaTarget.hours(4), lunch), "2026-11-26T14:00:00Z");
            assertThat(high.dueAt()).isEqualTo(at("2026-11-27T11:00:00Z"));
            assertThat(urgent.dueAt()).isEqualTo(at("2026-11-26T15:00:00Z"));
            assertThat(urgent.elapsedSeconds()).isEqualTo(high.elapsedSeconds()).isEqualTo(3 * 3600);
        }
    }
}
