package org.atende.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.atende.calendar.internal.CalendarEngine;
import org.atende.calendar.internal.Range;

/**
 * A business calendar: a time zone, weekly opening intervals, holidays, overrides and breaks, and
 * the operations of business time on it (see {@code business-time.md}). Immutable and thread-safe;
 * instants are truncated to the whole second and results are whole seconds.
 */
public final class BusinessCalendar {

    private final CalendarDefinition definition;
    private final CalendarEngine engine;

    private BusinessCalendar(CalendarDefinition definition, CalendarEngine engine) {
        this.definition = definition;
        this.engine = engine;
    }

    public static Builder builder(String zone) {
        return new Builder(CalendarDefinition.zone(zone));
    }

    public static Builder builder(ZoneId zone) {
        return new Builder(zone);
    }

    public CalendarDefinition definition() {
        return definition;
    }

    public ZoneId zone() {
        return definition.zone();
    }

    /** True when {@code t} lies in an opening. */
    public boolean isOpen(Instant t) {
        return engine.isOpen(Range.check(t));
    }

    /** {@code t} when open, else the start of the next opening. */
    public Instant nextOpen(Instant t) {
        return Instant.ofEpochSecond(engine.nextOpen(Range.check(t)));
    }

    /** The latest instant {@code u >= t} with {@code elapsed(t, u) == d}. */
    public Instant add(Instant t, Duration d) {
        return Instant.ofEpochSecond(engine.add(Range.check(t), seconds(d)));
    }

    /** The latest instant {@code u <= t'} with {@code elapsed(u, t') == d} ({@code t'}: {@code t}, or the last closing before it). */
    public Instant subtract(Instant t, Duration d) {
        return Instant.ofEpochSecond(engine.subtract(Range.check(t), seconds(d)));
    }

    /** Steps forward over {@code n} business dates, keeps the time of day, then moves to the next opening if closed. */
    public Instant addDays(Instant t, int n) {
        return Instant.ofEpochSecond(engine.addDays(Range.check(t), days(n)));
    }

    /** Steps back over {@code n} business dates, keeps the time of day, then moves back to the last closing if closed. */
    public Instant subtractDays(Instant t, int n) {
        return Instant.ofEpochSecond(engine.subtractDays(Range.check(t), days(n)));
    }

    /** Business time in {@code [from, to)}; zero when {@code to <= from}. */
    public Duration elapsed(Instant from, Instant to) {
        return Duration.ofSeconds(engine.elapsed(Range.check(from), Range.check(to)));
    }

    /**
     * This calendar with more breaks (a clock's pauses): shares the precomputed openings, so it is
     * cheap to make one per clock.
     */
    public BusinessCalendar withBreaks(Collection<Break> more) {
        if (more.isEmpty()) {
            return this;
        }
        CalendarDefinition extended = definition.withBreaks(more);
        return new BusinessCalendar(extended, engine.withBreaks(extended.breaks()));
    }

    private static long seconds(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("a duration must not be negative: " + d);
        }
        return d.getSeconds();
    }

    private static int days(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("a number of business days must not be negative: " + n);
        }
        return n;
    }

    @Override
    public String toString() {
        return "BusinessCalendar" + definition;
    }

    /** Collects a definition; {@link #build()} validates it and fails with a message that names the problem. */
    public static final class Builder {
        private final ZoneId zone;
        private final Map<DayOfWeek, List<DailyInterval>> week = new EnumMap<>(DayOfWeek.class);
        private final Set<LocalDate> holidays = new LinkedHashSet<>();
        private final List<HolidayRule> holidayRules = new ArrayList<>();
        private final Map<LocalDate, List<DailyInterval>> overrides = new TreeMap<>();
        private final List<Break> breaks = new ArrayList<>();

        private Builder(ZoneId zone) {
            this.zone = zone;
        }

        public Builder open(DayOfWeek day, String... intervals) {
            for (String i : intervals) {
                open(day, DailyInterval.parse(i));
            }
            return this;
        }

        public Builder open(DayOfWeek day, DailyInterval interval) {
            week.computeIfAbsent(day, d -> new ArrayList<>()).add(interval);
            return this;
        }

        public Builder openWeekdays(String... intervals) {
            for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                    DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
                open(d, intervals);
            }
            return this;
        }

        public Builder holiday(LocalDate date) {
            holidays.add(date);
            return this;
        }

        public Builder holidayRule(HolidayRule rule) {
            holidayRules.add(rule);
            return this;
        }

        /** Replaces the week's intervals on {@code date}; no interval closes the date. */
        public Builder override(LocalDate date, List<DailyInterval> intervals) {
            overrides.put(date, List.copyOf(intervals));
            return this;
        }

        public Builder addBreak(Break b) {
            breaks.add(b);
            return this;
        }

        public BusinessCalendar build() {
            CalendarDefinition d = new CalendarDefinition(zone, week, holidays, holidayRules, overrides, breaks);
            return new BusinessCalendar(d, CalendarEngine.of(d.zone(), d.week(), d.holidays(), d.holidayRules(),
                    d.overrides(), d.breaks()));
        }
    }
}
