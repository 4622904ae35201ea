package org.atende.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.atende.calendar.BusinessCalendar;
import org.atende.calendar.DefaultCalendar;
import org.atende.calendar.HolidayRule;
import org.atende.calendar.InvalidCalendarException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code atende.calendar.*}: the desk's support calendar. Left unset, it is the support terms':
 * Europe/Lisbon, Monday–Friday 09:00–21:00, Portugal's public holidays.
 *
 * @param zone IANA time zone ({@code ATENDE_CALENDAR_ZONE})
 * @param week opening intervals per weekday, {@code mon}..{@code sun}; a day left out is closed
 *        ({@code ATENDE_CALENDAR_WEEK_MON=09:00-13:00,14:00-18:00})
 * @param holidayRules countries (and subdivisions) whose public holidays close the desk,
 *        e.g. {@code PT} or {@code PT/11/LSB} ({@code ATENDE_CALENDAR_HOLIDAYRULES})
 * @param holidays extra closed dates ({@code ATENDE_CALENDAR_HOLIDAYS=2026-12-24,2026-12-31})
 */
@ConfigurationProperties("atende.calendar")
public record SupportCalendarProperties(@Nullable String zone, @Nullable Map<String, List<String>> week,
        @Nullable List<String> holidayRules, @Nullable List<LocalDate> holidays) {

    private static final Map<String, DayOfWeek> DAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY,
            "sat", DayOfWeek.SATURDAY, "sun", DayOfWeek.SUNDAY);

    BusinessCalendar toCalendar() {
        var builder = BusinessCalendar.builder(zone == null ? DefaultCalendar.ZONE : zone);
        if (week == null || week.isEmpty()) {
            builder.openWeekdays(DefaultCalendar.HOURS);
        } else {
            week.forEach((day, intervals) -> {
                DayOfWeek dow = DAYS.get(day.toLowerCase(Locale.ROOT));
                if (dow == null) {
                    throw new InvalidCalendarException("atende.calendar.week." + day + ": expected mon..sun");
                }
                intervals.forEach(i -> builder.open(dow, i));
            });
        }
        for (String rule : holidayRules == null ? List.of(DefaultCalendar.HOLIDAY_COUNTRY) : holidayRules) {
            if (!rule.isBlank()) {
                int slash = rule.indexOf('/');
                builder.holidayRule(slash < 0 ? HolidayRule.country(rule)
                        : new HolidayRule(rule.substring(0, slash), rule.substring(slash + 1)));
            }
        }
        if (holidays != null) {
            holidays.forEach(builder::holiday);
        }
        return builder.build();
    }
}
