package org.atende.calendar.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.atende.calendar.DailyInterval;

/** Which wall-clock intervals a local date is open: none on a holiday, else its override or its weekday's. */
final class DayPlan {

    private final Map<DayOfWeek, List<DailyInterval>> week;
    private final Map<LocalDate, List<DailyInterval>> overrides;
    private final Holidays holidays;

    DayPlan(Map<DayOfWeek, List<DailyInterval>> week, Map<LocalDate, List<DailyInterval>> overrides, Holidays holidays) {
        this.week = Map.copyOf(week);
        this.overrides = Map.copyOf(overrides);
        this.holidays = holidays;
    }

    List<DailyInterval> intervalsOn(LocalDate date) {
        if (holidays.contains(date)) {
            return List.of();
        }
        List<DailyInterval> special = overrides.get(date);
        return special != null ? special : week.getOrDefault(date.getDayOfWeek(), List.of());
    }
}
