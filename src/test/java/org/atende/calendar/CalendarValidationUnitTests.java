package org.atende.calendar;

import static java.time.DayOfWeek.MONDAY;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A calendar that cannot describe business time is refused when it is defined, with a message naming the problem. */
class CalendarValidationUnitTests {

    @Test
    void refusesAnUnknownZone() {
        assertThatThrownBy(() -> BusinessCalendar.builder("Mars/Olympus"))
                .isInstanceOf(InvalidCalendarException.class).hasMessageContaining("unknown time zone 'Mars/Olympus'");
    }

    @Test
    void refusesOverlappingIntervalsOnOneDay() {
        assertThatThrownBy(() -> BusinessCalendar.builder("UTC").open(MONDAY, "09:00-13:00", "12:00-18:00").build())
                .isInstanceOf(InvalidCalendarException.class)
                .hasMessage("intervals 09:00-13:00 and 12:00-18:00 on mon overlap");
    }

    @Test
    void refusesOverlappingIntervalsInAnOverride() {
        assertThatThrownBy(() -> BusinessCalendar.builder("UTC").open(MONDAY, "09:00-13:00")
                .override(LocalDate.parse("2026-12-24"), List.of(DailyInterval.parse("09:00-11:00"), DailyInterval.parse("10:00-12:00")))
                .build())
                .isInstanceOf(InvalidCalendarException.class).hasMessageContaining("override 2026-12-24 overlap");
    }

    @Test
    void refusesAnEmptyWeek() {
        assertThatThrownBy(() -> BusinessCalendar.builder("UTC").build())
                .isInstanceOf(InvalidCalendarException.class).hasMessageContaining("the week has no opening interval");
    }

    @Test
    void refusesMalformedTimes() {
        assertThatThrownBy(() -> DailyInterval.parse("9-21")).hasMessageContaining("expected HH:MM-HH:MM");
        assertThatThrownBy(() -> DailyInterval.parse("09:00-25:00")).hasMessageContaining("25:00 is not a time of day");
        assertThatThrownBy(() -> DailyInterval.parse("09:60-10:00")).hasMessageContaining("09:60 is not a time of day");
        assertThatThrownBy(() -> DailyInterval.parse("24:00-24:00")).hasMessageContaining("24:00 is not a time of day");
    }

    @Test
    void refusesAnIntervalThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> DailyInterval.parse("21:00-09:00"))
                .isInstanceOf(InvalidCalendarException.class).hasMessageContaining("must start before it ends");
    }

    @Test
    void refusesABreakThatEndsBeforeItStarts() {
        Instant t = Instant.parse("2026-11-26T10:00:00Z");
        assertThatThrownBy(() -> new Break(t, t)).isInstanceOf(InvalidCalendarException.class);
    }

    @Test
    void refusesUnknownHolidayCountriesAndSubdivisions() {
        assertThatThrownBy(() -> BusinessCalendar.builder("UTC").open(MONDAY, "09:00-10:00").holidayRule(HolidayRule.country("XX")).build())
                .hasMessageContaining("no holiday rules are known for country 'XX'");
        assertThatThrownBy(() -> BusinessCalendar.builder("UTC").open(MONDAY, "09:00-10:00").holidayRule(new HolidayRule("PT", "99")).build())
                .hasMessageContaining("'99' is not a subdivision known for PT");
    }

    @Test
    void refusesNegativeAmounts() {
        var cal = DefaultCalendar.builder().build();
        Instant t = Instant.parse("2026-11-26T10:00:00Z");
        assertThatThrownBy(() -> cal.add(t, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cal.addDays(t, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesInstantsAndResultsOutsideTheSupportedYears() {
        var cal = DefaultCalendar.builder().build();
        assertThatThrownBy(() -> cal.isOpen(Instant.parse("2300-01-01T00:00:00Z")))
                .isInstanceOf(BusinessTimeRangeException.class).hasMessageContaining("outside the supported range");
        assertThatThrownBy(() -> cal.add(Instant.parse("2199-12-01T00:00:00Z"), Duration.ofDays(400)))
                .isInstanceOf(BusinessTimeRangeException.class);
    }
}
