package org.atende.calendar;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Boundary cases of each operation on fixed dates; the support terms' calendar is the fixture. */
class BusinessCalendarUnitTests {

    static final BusinessCalendar LISBON = DefaultCalendar.builder().build();

    static Instant at(String utc) {
        return Instant.parse(utc);
    }

    static Duration hours(long h) {
        return Duration.ofHours(h);
    }

    static BusinessCalendar alwaysOpen(String zone) {
        var b = BusinessCalendar.builder(zone);
        for (DayOfWeek d : DayOfWeek.values()) {
            b.open(d, "00:00-24:00");
        }
        return b.build();
    }

    @Nested
    class Add {
        @Test
        void carriesWhatFridayCannotHoldIntoMonday() {
            assertThat(LISBON.add(at("2026-11-27T20:00:00Z"), hours(4))).isEqualTo(at("2026-11-30T12:00:00Z"));
        }

        @Test
        void answersTheNextOpeningWhenTheDurationExactlyFillsTheDay() {
            assertThat(LISBON.add(at("2026-11-27T17:00:00Z"), hours(4))).isEqualTo(at("2026-11-30T09:00:00Z"));
        }

        @Test
        void addingNothingToAnOpenInstantIsThatInstant() {
            assertThat(LISBON.add(at("2026-11-26T10:00:00Z"), Duration.ZERO)).isEqualTo(at("2026-11-26T10:00:00Z"));
        }

        @Test
        void addingNothingAtClosingTimeIsTheNextOpening() {
            assertThat(LISBON.add(at("2026-11-26T21:00:00Z"), Duration.ZERO)).isEqualTo(at("2026-11-27T09:00:00Z"));
        }

        @Test
        void oneSecondBeforeClosingLeavesOneSecondToday() {
            assertThat(LISBON.add(at("2026-11-26T20:59:59Z"), Duration.ofSeconds(2))).isEqualTo(at("2026-11-27T09:00:01Z"));
        }

        @Test
        void skipsPortugueseHolidaysFromTheCountryRules() {
            // 1 December (Restauração da Independência) and 8 December are closed
            assertThat(LISBON.add(at("2026-11-30T20:30:00Z"), hours(1))).isEqualTo(at("2026-12-02T09:30:00Z"));
            assertThat(LISBON.add(at("2026-12-07T20:00:00Z"), hours(2))).isEqualTo(at("2026-12-09T10:00:00Z"));
        }

        @Test
        void countsRealSecondsAcrossSpringForward() {
            // Friday 20:00 WET; Monday 30 March opens at 09:00 WEST = 08:00Z
            assertThat(LISBON.add(at("2026-03-27T20:00:00Z"), hours(2))).isEqualTo(at("2026-03-30T09:00:00Z"));
        }

        @Test
        void countsRealSecondsAcrossFallBack() {
            // Friday 23 October closes at 21:00 WEST = 20:00Z; Monday 26 October opens 09:00 WET = 09:00Z
            assertThat(LISBON.add(at("2026-10-23T19:00:00Z"), hours(2))).isEqualTo(at("2026-10-26T10:00:00Z"));
        }

        @Test
        void takesTwoThousandHoursWithoutLosingASecond() {
            // the worked case (with four explicit holidays) lands on 22 July; Portugal's rules also close
            // Good Friday, Corpus Christi and 10 June 2027 on weekdays: three business days later
            assertThat(LISBON.add(at("2026-11-26T10:00:00Z"), hours(2000))).isEqualTo(at("2027-07-27T17:00:00Z"));
        }

        @Test
        void jumpsOverABreak() {
            var cal = LISBON.withBreaks(List.of(new Break(at("2026-12-23T12:00:00Z"), at("2026-12-23T14:30:00Z"))));
            assertThat(cal.add(at("2026-12-23T11:00:00Z"), hours(2))).isEqualTo(at("2026-12-23T15:30:00Z"));
        }

        @Test
        void fillingUpToABreakAnswersItsEnd() {
            var cal = LISBON.withBreaks(List.of(new Break(at("2026-12-23T12:00:00Z"), at("2026-12-23T14:30:00Z"))));
            assertThat(cal.add(at("2026-12-23T11:00:00Z"), hours(1))).isEqualTo(at("2026-12-23T14:30:00Z"));
        }

        @Test
        void treatsAnOvernightShiftAsOneOpening() {
            var night = BusinessCalendar.builder("Europe/Lisbon").open(MONDAY, "22:00-24:00")
                    .open(TUESDAY, "00:00-06:00").build();
            // two hours from 22:00 end at midnight, which is inside the shift, not a closing
            assertThat(night.add(at("2026-11-23T22:00:00Z"), hours(2))).isEqualTo(at("2026-11-24T00:00:00Z"));
            assertThat(night.isOpen(at("2026-11-24T00:00:00Z"))).isTrue();
            assertThat(night.add(at("2026-11-23T22:00:00Z"), hours(8))).isEqualTo(at("2026-11-30T22:00:00Z"));
        }

        @Test
        void onAnAlwaysOpenCalendarIsPlainAddition() {
            assertThat(alwaysOpen("Etc/UTC").add(at("2026-11-22T10:15:00Z"), Duration.ofSeconds(259_207)))
                    .isEqualTo(at("2026-11-25T10:15:07Z"));
        }

        @Test
        void onACalendarOpenOneHourAWeekTakesAWeekPerHour() {
            var sundays = BusinessCalendar.builder("Asia/Tokyo").open(SUNDAY, "11:00-12:00").build();
            assertThat(sundays.add(at("2026-11-22T00:00:00Z"), hours(2))).isEqualTo(at("2026-12-06T02:00:00Z"));
            assertThat(sundays.add(at("2026-11-22T02:00:00Z"), hours(1))).isEqualTo(at("2026-11-29T02:00:00Z"));
        }

        @Test
        void truncatesInputsToTheWholeSecond() {
            assertThat(LISBON.add(at("2026-11-26T10:00:00.999Z"), Duration.ofSeconds(1))).isEqualTo(at("2026-11-26T10:00:01Z"));
        }
    }

    @Nested
    class Subtract {
        @Test
        void emptyingAnOpeningExactlyAnswersItsStart() {
            assertThat(LISBON.subtract(at("2026-11-30T12:00:00Z"), hours(3))).isEqualTo(at("2026-11-30T09:00:00Z"));
        }

        @Test
        void subtractingNothingWhenClosedAnswersTheLastClosing() {
            assertThat(LISBON.subtract(at("2026-11-29T12:00:00Z"), Duration.ZERO)).isEqualTo(at("2026-11-27T21:00:00Z"));
        }

        @Test
        void subtractingNothingAtAnOpeningIsThatOpening() {
            assertThat(LISBON.subtract(at("2026-11-30T09:00:00Z"), Duration.ZERO)).isEqualTo(at("2026-11-30T09:00:00Z"));
        }

        @Test
        void countsBackFromTheLastClosingWhenClosed() {
            assertThat(LISBON.subtract(at("2026-11-29T12:00:00Z"), hours(1))).isEqualTo(at("2026-11-27T20:00:00Z"));
        }

        @Test
        void walksBackOverHolidays() {
            assertThat(LISBON.subtract(at("2026-12-02T10:00:00Z"), hours(2))).isEqualTo(at("2026-11-30T20:00:00Z"));
        }

        @Test
        void walksBackTwoThousandHours() {
            assertThat(LISBON.subtract(at("2027-07-27T17:00:00Z"), hours(2000))).isEqualTo(at("2026-11-26T10:00:00Z"));
        }
    }

    @Nested
    class Elapsed {
        @Test
        void countsOnlyBusinessTimeOverAWeekend() {
            assertThat(LISBON.elapsed(at("2026-11-27T20:00:00Z"), at("2026-11-30T10:00:00Z"))).isEqualTo(hours(2));
        }

        @Test
        void isZeroWhenReversed() {
            assertThat(LISBON.elapsed(at("2026-11-30T10:00:00Z"), at("2026-11-27T20:00:00Z"))).isZero();
        }

        @Test
        void measuresTheShortAndTheLongDayOfLisbon() {
            var lisbon = alwaysOpen("Europe/Lisbon");
            assertThat(lisbon.elapsed(at("2026-03-29T00:00:00Z"), at("2026-03-29T23:00:00Z"))).isEqualTo(hours(23));
            assertThat(lisbon.elapsed(at("2026-10-24T23:00:00Z"), at("2026-10-26T00:00:00Z"))).isEqualTo(hours(25));
        }

        @Test
        void addsUpAMonthOfWorkingDays() {
            // November 2026 on the default calendar: 21 working days (no national holiday on a weekday)
            assertThat(LISBON.elapsed(at("2026-11-01T00:00:00Z"), at("2026-12-01T00:00:00Z"))).isEqualTo(hours(21 * 12));
        }

        @Test
        void cutsBreaksOut() {
            var cal = LISBON.withBreaks(List.of(new Break(at("2026-12-23T12:00:00Z"), at("2026-12-23T14:30:00Z"))));
            assertThat(cal.elapsed(at("2026-12-23T09:00:00Z"), at("2026-12-23T21:00:00Z")).getSeconds()).isEqualTo(34_200);
        }
    }

    @Nested
    class OpenAndNext {
        @Test
        void opensAtTheStartAndClosesAtTheEnd() {
            assertThat(LISBON.isOpen(at("2026-11-26T09:00:00Z"))).isTrue();
            assertThat(LISBON.isOpen(at("2026-11-26T20:59:59Z"))).isTrue();
            assertThat(LISBON.isOpen(at("2026-11-26T21:00:00Z"))).isFalse();
            assertThat(LISBON.isOpen(at("2026-11-26T08:59:59Z"))).isFalse();
        }

        @Test
        void staysOpenOnCarnivalWhichIsOnlyAnObservance() {
            assertThat(LISBON.isOpen(at("2026-02-17T12:00:00Z"))).isTrue();
            assertThat(LISBON.isOpen(at("2026-04-03T12:00:00Z"))).as("Good Friday").isFalse();
        }

        @Test
        void closesOnLisbonsMunicipalHolidayOnlyWhenTheSubdivisionIsAsked() {
            var municipal = DefaultCalendar.builder().holidayRule(new HolidayRule("PT", "11/LSB")).build();
            Instant saintAnthony2025 = at("2025-06-13T12:00:00Z"); // a Friday
            assertThat(LISBON.isOpen(saintAnthony2025)).isTrue();
            assertThat(municipal.isOpen(saintAnthony2025)).isFalse();
        }

        @Test
        void nextOpenSkipsChristmasAndTheWeekend() {
            assertThat(LISBON.nextOpen(at("2026-12-24T22:00:00Z"))).isEqualTo(at("2026-12-28T09:00:00Z"));
        }

        @Test
        void overrideReplacesTheWeekAndAHolidayWinsOverIt() {
            var cal = DefaultCalendar.builder()
                    .override(LocalDate.parse("2026-12-24"), List.of(DailyInterval.parse("09:00-13:00")))
                    .override(LocalDate.parse("2026-12-26"), List.of(DailyInterval.parse("10:00-14:00")))
                    .override(LocalDate.parse("2026-12-25"), List.of(DailyInterval.parse("10:00-14:00")))
                    .override(LocalDate.parse("2026-12-30"), List.of())
                    .build();
            assertThat(cal.isOpen(at("2026-12-24T14:00:00Z"))).isFalse();
            assertThat(cal.isOpen(at("2026-12-26T11:00:00Z"))).as("a Saturday opening").isTrue();
            assertThat(cal.isOpen(at("2026-12-25T11:00:00Z"))).as("Christmas stays closed").isFalse();
            assertThat(cal.isOpen(at("2026-12-30T11:00:00Z"))).as("an empty override closes the day").isFalse();
        }
    }

    @Nested
    class BusinessDays {
        @Test
        void keepsTheTimeOfDayOnTheNextBusinessDate() {
            assertThat(LISBON.addDays(at("2026-11-26T10:30:00Z"), 1)).isEqualTo(at("2026-11-27T10:30:00Z"));
            assertThat(LISBON.addDays(at("2026-11-27T10:30:00Z"), 2)).isEqualTo(at("2026-12-02T10:30:00Z"));
        }

        @Test
        void movesToTheNextOpeningWhenTheTimeOfDayIsClosed() {
            assertThat(LISBON.addDays(at("2026-11-26T22:00:00Z"), 1)).isEqualTo(at("2026-11-30T09:00:00Z"));
        }

        @Test
        void zeroDaysFromAClosedInstantIsTheNextOpening() {
            assertThat(LISBON.addDays(at("2026-11-28T12:00:00Z"), 0)).isEqualTo(at("2026-11-30T09:00:00Z"));
        }

        @Test
        void keepsLocalTimeAcrossSpringForward() {
            // Friday 27 March 10:00 WET → Monday 30 March 10:00 WEST (09:00Z)
            assertThat(LISBON.addDays(at("2026-03-27T10:00:00Z"), 1)).isEqualTo(at("2026-03-30T09:00:00Z"));
        }

        @Test
        void countsAYearOfWorkingDaysMonthByMonth() {
            // 2027 in Portugal: 261 weekdays less 8 national holidays on weekdays = 253 working days
            Instant lastOf2026 = at("2026-12-31T10:00:00Z");
            assertThat(LISBON.addDays(lastOf2026, 253)).isEqualTo(at("2027-12-31T10:00:00Z"));
            assertThat(LISBON.subtractDays(at("2027-12-31T10:00:00Z"), 253)).isEqualTo(lastOf2026);
        }

        @Test
        void stepsBackToTheLastClosingWhenTheTimeOfDayIsClosed() {
            assertThat(LISBON.subtractDays(at("2026-11-27T07:00:00Z"), 1)).isEqualTo(at("2026-11-25T21:00:00Z"));
        }

        @Test
        void aDateFullyInsideABreakIsNoBusinessDate() {
            var paused = LISBON.withBreaks(List.of(new Break(at("2026-11-27T00:00:00Z"), at("2026-11-28T00:00:00Z"))));
            assertThat(paused.addDays(at("2026-11-26T10:30:00Z"), 1)).isEqualTo(at("2026-11-30T10:30:00Z"));
        }
    }

    @Nested
    class MidnightTransitions {
        static final BusinessCalendar SAO_PAULO = alwaysOpen("America/Sao_Paulo");

        @Test
        void aDayThatStartsAtOneInTheMorningIsTwentyThreeHoursLong() {
            // 4 November 2018: clocks jumped from 00:00 to 01:00 (-03:00 → -02:00)
            assertThat(SAO_PAULO.elapsed(at("2018-11-04T03:00:00Z"), at("2018-11-05T02:00:00Z"))).isEqualTo(hours(23));
        }

        @Test
        void businessDayIntoAMissingMidnightStartsWhenTheDayDoes() {
            assertThat(SAO_PAULO.addDays(at("2018-11-03T03:00:00Z"), 1)).isEqualTo(at("2018-11-04T03:00:00Z"));
        }

        @Test
        void anIntervalFromMidnightOnTheGapDayOpensAtOne() {
            var sundays = BusinessCalendar.builder("America/Sao_Paulo").open(SUNDAY, "00:00-02:00").build();
            assertThat(sundays.nextOpen(at("2018-11-04T00:00:00Z"))).isEqualTo(at("2018-11-04T03:00:00Z"));
            assertThat(sundays.elapsed(at("2018-11-04T00:00:00Z"), at("2018-11-05T00:00:00Z"))).isEqualTo(hours(1));
        }

        @Test
        void theRepeatedHourBeforeMidnightIsCountedTwice() {
            // 16 February 2019 ended at 24:00 -02:00 and went back to 23:00 -03:00: a 25-hour Saturday
            assertThat(SAO_PAULO.elapsed(at("2019-02-16T02:00:00Z"), at("2019-02-17T03:00:00Z"))).isEqualTo(hours(25));
        }
    }

    @Nested
    class DaylightSavingEndpoints {
        @Test
        void anOpeningInsideTheSpringGapMovesForwardByTheGap() {
            var cal = BusinessCalendar.builder("Europe/Lisbon").open(SUNDAY, "01:00-03:00").build();
            // 01:00 does not exist on 29 March: it becomes 02:00 WEST (01:00Z); 03:00 WEST is 02:00Z
            assertThat(cal.nextOpen(at("2026-03-29T00:00:00Z"))).isEqualTo(at("2026-03-29T01:00:00Z"));
            assertThat(cal.elapsed(at("2026-03-29T00:00:00Z"), at("2026-03-30T00:00:00Z"))).isEqualTo(hours(1));
        }

        @Test
        void anAmbiguousEndpointTakesTheEarlierOffset() {
            var cal = BusinessCalendar.builder("Europe/Lisbon").open(SUNDAY, "01:00-01:30").build();
            assertThat(cal.nextOpen(at("2026-10-24T23:30:00Z"))).isEqualTo(at("2026-10-25T00:00:00Z"));
            assertThat(cal.elapsed(at("2026-10-24T00:00:00Z"), at("2026-10-26T00:00:00Z"))).isEqualTo(Duration.ofMinutes(30));
        }

        @Test
        void anIntervalAcrossTheFallBackLastsAnHourLonger() {
            var cal = BusinessCalendar.builder("Europe/Lisbon").open(SUNDAY, "00:00-03:00").open(WEDNESDAY, "09:00-10:00").build();
            assertThat(cal.elapsed(at("2026-10-24T00:00:00Z"), at("2026-10-26T00:00:00Z"))).isEqualTo(hours(4));
        }
    }
}
