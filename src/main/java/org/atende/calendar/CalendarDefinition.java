package org.atende.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a calendar is made of, validated: a zone, a week with at least one opening interval and no
 * overlap within a day, holidays (dates and country rules), overrides and breaks.
 */
public record CalendarDefinition(ZoneId zone, Map<DayOfWeek, List<DailyInterval>> week, Set<LocalDate> holidays,
        List<HolidayRule> holidayRules, Map<LocalDate, List<DailyInterval>> overrides, List<Break> breaks) {

    public CalendarDefinition {
        week = sortedWeek(week);
        if (week.isEmpty()) {
            throw new InvalidCalendarException("the week has no opening interval: a calendar must be open at some time");
        }
        TreeMap<LocalDate, List<DailyInterval>> days = new TreeMap<>();
        overrides.forEach((date, intervals) -> days.put(date, checked(intervals, "override " + date)));
        overrides = java.util.Collections.unmodifiableMap(days);
        holidays = Set.copyOf(holidays);
        holidayRules = List.copyOf(holidayRules);
        breaks = List.copyOf(breaks);
    }

    /** Parses an IANA zone id, refusing unknown ones with a clear message. */
    public static ZoneId zone(String id) {
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            throw new InvalidCalendarException("unknown time zone '" + id + "': expected an IANA zone such as Europe/Lisbon");
        }
    }

    CalendarDefinition withBreaks(Collection<Break> more) {
        List<Break> all = new ArrayList<>(breaks);
        all.addAll(more);
        return new CalendarDefinition(zone, week, holidays, holidayRules, overrides, all);
    }

    private static Map<DayOfWeek, List<DailyInterval>> sortedWeek(Map<DayOfWeek, List<DailyInterval>> week) {
        EnumMap<DayOfWeek, List<DailyInterval>> sorted = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, intervals) -> {
            List<DailyInterval> checked = checked(intervals, day.name().substring(0, 3).toLowerCase(java.util.Locale.ROOT));
            if (!checked.isEmpty()) {
                sorted.put(day, checked);
            }
        });
        return java.util.Collections.unmodifiableMap(sorted);
    }

    private static List<DailyInterval> checked(List<DailyInterval> intervals, String where) {
        List<DailyInterval> sorted = new ArrayList<>(intervals);
        sorted.sort(null);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                throw new InvalidCalendarException("intervals " + sorted.get(i - 1) + " and " + sorted.get(i)
                        + " on " + where + " overlap");
            }
        }
        return List.copyOf(sorted);
    }
}
