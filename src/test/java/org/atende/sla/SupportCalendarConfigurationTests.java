package org.atende.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.atende.calendar.BusinessCalendar;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SupportCalendarConfigurationTests {

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(SupportCalendarConfiguration.class);

    @Test
    void defaultsToTheSupportTermsCalendar() {
        context.run(ctx -> {
            BusinessCalendar cal = ctx.getBean(BusinessCalendar.class);
            assertThat(cal.zone()).isEqualTo(ZoneId.of("Europe/Lisbon"));
            assertThat(cal.isOpen(Instant.parse("2026-11-26T20:59:59Z"))).isTrue();
            assertThat(cal.isOpen(Instant.parse("2026-11-28T12:00:00Z"))).as("Saturday").isFalse();
            assertThat(cal.isOpen(Instant.parse("2026-12-08T12:00:00Z"))).as("a Portuguese holiday").isFalse();
        });
    }

    @Test
    void takesZoneWeekHolidayRulesAndDatesFromProperties() {
        context.withPropertyValues("atende.calendar.zone=America/New_York",
                "atende.calendar.week.mon=08:00-12:00,13:00-17:00", "atende.calendar.week.sat=10:00-14:00",
                "atende.calendar.holiday-rules=US", "atende.calendar.holidays=2026-11-30").run(ctx -> {
            BusinessCalendar cal = ctx.getBean(BusinessCalendar.class);
            assertThat(cal.isOpen(Instant.parse("2026-11-28T15:00:00Z"))).as("Saturday 10:00 EST").isTrue();
            assertThat(cal.isOpen(Instant.parse("2026-11-23T17:30:00Z"))).as("Monday lunch").isFalse();
            assertThat(cal.isOpen(Instant.parse("2026-11-30T14:00:00Z"))).as("an extra closed date").isFalse();
            assertThat(cal.isOpen(Instant.parse("2026-11-24T15:00:00Z"))).as("Tuesday is left out").isFalse();
            assertThat(cal.elapsed(Instant.parse("2026-11-23T00:00:00Z"), Instant.parse("2026-11-30T00:00:00Z")))
                    .isEqualTo(Duration.ofHours(12));
        });
    }

    @Test
    void refusesToStartWithAnInvalidCalendar() {
        context.withPropertyValues("atende.calendar.zone=Mars/Olympus").run(ctx ->
                assertThat(ctx).hasFailed().getFailure().rootCause().hasMessageContaining("unknown time zone 'Mars/Olympus'"));
    }
}
