package org.atende.calendar.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.atende.calendar.Break;
import org.atende.calendar.DailyInterval;
import org.atende.calendar.HolidayRule;

/** The engine behind one calendar: its planned openings, its breaks, and the walks over both. */
public final class CalendarEngine {

    private final WallClock clock;
    private final PlannedOpenings planned;
    private final Timeline timeline;
    private final BusinessDates dates;

    private CalendarEngine(WallClock clock, PlannedOpenings planned, BreakSet breaks) {
        this.clock = clock;
        this.planned = planned;
        Openings openings = breaks.isEmpty() ? planned : new OpeningsWithBreaks(planned, breaks.from(), breaks.to());
        this.timeline = new Timeline(openings);
        this.dates = new BusinessDates(timeline, clock);
    }

    public static CalendarEngine of(ZoneId zone, Map<DayOfWeek, List<DailyInterval>> week, Set<LocalDate> holidays,
            List<HolidayRule> holidayRules, Map<LocalDate, List<DailyInterval>> overrides, Collection<Break> breaks) {
        WallClock clock = new WallClock(zone);
        DayPlan plan = new DayPlan(week, overrides, new Holidays(holidays, holidayRules));
        return new CalendarEngine(clock, new PlannedOpenings(plan, clock), BreakSet.of(breaks));
    }

    /** The same planned openings (and their precomputed windows) with these breaks instead. */
    public CalendarEngine withBreaks(Collection<Break> breaks) {
        return new CalendarEngine(clock, planned, BreakSet.of(breaks));
    }

    public boolean isOpen(long t) {
        return timeline.isOpen(t);
    }

    public long nextOpen(long t) {
        return timeline.nextOpen(t);
    }

    public long add(long t, long seconds) {
        return timeline.add(t, capped(seconds));
    }

    public long subtract(long t, long seconds) {
        return timeline.subtract(t, capped(seconds));
    }

    public long addDays(long t, int days) {
        return dates.addDays(t, days);
    }

    public long subtractDays(long t, int days) {
        return dates.subtractDays(t, days);
    }

    public long elapsed(long from, long to) {
        return timeline.elapsed(from, to);
    }

    private static long capped(long seconds) {
        if (seconds > Range.MAX - Range.MIN) {
            throw Range.beyond("a duration of " + seconds + " seconds");
        }
        return seconds;
    }
}
