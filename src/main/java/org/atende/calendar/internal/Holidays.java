package org.atende.calendar.internal;

import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import de.focus_shift.jollyday.core.CalendarHierarchy;
import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import org.atende.calendar.HolidayRule;
import org.atende.calendar.InvalidCalendarException;

/** Closed dates: explicit ones, and public holidays from country rules, computed once per year. */
final class Holidays {

    private final Set<LocalDate> dates;
    private final List<RuleSource> rules;
    private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

    Holidays(Set<LocalDate> dates, List<HolidayRule> rules) {
        this.dates = Set.copyOf(dates);
        this.rules = rules.stream().map(RuleSource::new).toList();
    }

    boolean contains(LocalDate date) {
        if (dates.contains(date)) {
            return true;
        }
        return !rules.isEmpty() && byYear.computeIfAbsent(date.getYear(), this::fromRules).contains(date);
    }

    private Set<LocalDate> fromRules(int year) {
        return rules.stream().flatMap(r -> r.publicHolidays(year).stream()).collect(Collectors.toUnmodifiableSet());
    }

    /** One rule bound to its Jollyday calendar; validated when the calendar is defined. */
    private static final class RuleSource {
        private final HolidayManager manager;
        private final String[] path;

        RuleSource(HolidayRule rule) {
            if (!HolidayManager.getSupportedCalendarCodes().contains(rule.country())) {
                throw new InvalidCalendarException("no holiday rules are known for country '" + rule.country() + "'");
            }
            this.manager = HolidayManager.getInstance(ManagerParameters.create(rule.country()));
            this.path = rule.subdivisionPath();
            CalendarHierarchy level = manager.getCalendarHierarchy();
            for (String code : path) {
                level = level.getChildren().get(code);
                if (level == null) {
                    throw new InvalidCalendarException("holiday rule " + rule + ": '" + code
                            + "' is not a subdivision known for " + rule.country());
                }
            }
        }

        Set<LocalDate> publicHolidays(int year) {
            return manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY, path).stream()
                    .map(Holiday::getActualDate)
                    .collect(Collectors.toUnmodifiableSet());
        }
    }
}
