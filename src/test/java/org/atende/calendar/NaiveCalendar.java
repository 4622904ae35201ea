package org.atende.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A test oracle for {@code business-time.md}: a deliberately simple, independent reading of the
 * spec over a bounded horizon of local dates. It shares no code with {@code src/main}: it parses
 * its own intervals, lists every opening of every date one by one, and answers each operation by
 * walking that list linearly.
 *
 * <p>Only the instants strictly inside {@link #horizonStart()}..{@link #horizonEnd()} are known for
 * sure (openings written on dates outside the horizon are missing), so every operation throws
 * {@link OutOfHorizon} when an input or a result falls outside it.
 */
final class NaiveCalendar {

    /** The answer depends on dates the oracle did not list. */
    static final class OutOfHorizon extends RuntimeException {
        OutOfHorizon(String what) {
            super(what, null, false, false);
        }
    }

    /** An instant range {@code [from, to)}, in epoch seconds. */
    record Span(long from, long to) {
    }

    private final ZoneId zone;
    private final long horizonStart;
    private final long horizonEnd;
    /** The openings, sorted, disjoint and not touching. */
    private final List<Span> openings;

    /**
     * @param week      intervals {@code "HH:MM-HH:MM"} per weekday ({@code 24:00} allowed as an end)
     * @param overrides intervals replacing the week's on a date (an empty list closes it)
     * @param breaks    instant ranges cut out of business time
     */
    NaiveCalendar(String zoneId, Map<DayOfWeek, List<String>> week, Collection<LocalDate> holidays,
            Map<LocalDate, List<String>> overrides, List<Span> breaks, LocalDate firstDate, LocalDate lastDate) {
        this.zone = ZoneId.of(zoneId);
        // Dates before firstDate write nothing after firstDate 00:00 local (>= firstDate - 1 day UTC), dates
        // after lastDate nothing before lastDate + 1 00:00 local (>= lastDate UTC - 14 h): keep a margin.
        this.horizonStart = firstDate.plusDays(2).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        this.horizonEnd = lastDate.minusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        Set<LocalDate> closed = new HashSet<>(holidays);

        Map<DayOfWeek, List<int[]>> weekMinutes = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, intervals) -> weekMinutes.put(day, intervals.stream().map(NaiveCalendar::parse).toList()));
        Map<LocalDate, List<int[]>> overrideMinutes = new HashMap<>();
        overrides.forEach((date, intervals) -> overrideMinutes.put(date, intervals.stream().map(NaiveCalendar::parse).toList()));

        List<Span> raw = new ArrayList<>();
        for (LocalDate d = firstDate; !d.isAfter(lastDate); d = d.plusDays(1)) {
            if (closed.contains(d)) {
                continue;
            }
            List<int[]> intervals = overrideMinutes.containsKey(d) ? overrideMinutes.get(d)
                    : weekMinutes.getOrDefault(d.getDayOfWeek(), List.of());
            for (int[] minutes : intervals) {
                long s = local(d, minutes[0]);
                long e = local(d, minutes[1]);
                if (s < e) {
                    raw.add(new Span(s, e));
                }
            }
        }
        raw.sort(Comparator.comparingLong(Span::from));

        List<Span> joined = new ArrayList<>();
        for (Span o : raw) {
            if (!joined.isEmpty() && o.from() <= joined.getLast().to()) {
                Span last = joined.removeLast();
                joined.add(new Span(last.from(), Math.max(last.to(), o.to())));
            } else {
                joined.add(o);
            }
        }

        List<Span> result = new ArrayList<>();
        for (Span o : joined) {
            List<Span> pieces = new ArrayList<>(List.of(o));
            for (Span b : breaks) {
                List<Span> next = new ArrayList<>();
                for (Span p : pieces) {
                    if (b.to() <= p.from() || b.from() >= p.to()) {
                        next.add(p);
                        continue;
                    }
                    if (p.from() < b.from()) {
                        next.add(new Span(p.from(), b.from()));
                    }
                    if (b.to() < p.to()) {
                        next.add(new Span(b.to(), p.to()));
                    }
                }
                pieces = next;
            }
            pieces.sort(Comparator.comparingLong(Span::from));
            result.addAll(pieces);
        }
        this.openings = List.copyOf(result);
    }

    /** {@code "HH:MM-HH:MM"} as minutes of the day. */
    private static int[] parse(String interval) {
        String[] ends = interval.split("-");
        return new int[] {minutes(ends[0]), minutes(ends[1])};
    }

    private static int minutes(String hhmm) {
        String[] p = hhmm.split(":");
        return Integer.parseInt(p[0]) * 60 + Integer.parseInt(p[1]);
    }

    private long local(LocalDate date, int minuteOfDay) {
        LocalDateTime ldt = minuteOfDay == 1440 ? date.plusDays(1).atStartOfDay()
                : date.atTime(minuteOfDay / 60, minuteOfDay % 60);
        return ZonedDateTime.ofLocal(ldt, zone, null).toEpochSecond();
    }

    long horizonStart() {
        return horizonStart;
    }

    long horizonEnd() {
        return horizonEnd;
    }

    List<Span> openings() {
        return openings;
    }

    // ---------------------------------------------------------------- operations

    boolean isOpen(long t) {
        input(t);
        for (Span o : openings) {
            if (o.from() <= t && t < o.to()) {
                return true;
            }
        }
        return false;
    }

    long nextOpen(long t) {
        input(t);
        for (Span o : openings) {
            if (o.to() > t) {
                return result(Math.max(o.from(), t));
            }
        }
        throw new OutOfHorizon("no opening after " + Instant.ofEpochSecond(t));
    }

    long elapsed(long a, long b) {
        input(a);
        input(b);
        long sum = 0;
        for (Span o : openings) {
            sum += Math.max(0, Math.min(o.to(), b) - Math.max(o.from(), a));
        }
        return sum;
    }

    /** The latest {@code u >= t} with {@code elapsed(t, u) == d}. */
    long add(long t, long d) {
        input(t);
        long remaining = d;
        for (Span o : openings) {
            if (o.to() <= t) {
                continue;
            }
            long start = Math.max(o.from(), t);
            long available = o.to() - start;
            if (remaining < available) {
                return result(start + remaining);
            }
            remaining -= available;
        }
        throw new OutOfHorizon("adding " + d + " s to " + Instant.ofEpochSecond(t));
    }

    /** The latest {@code u <= t'} with {@code elapsed(u, t') == d}; {@code t'} is t if open, else the last closing. */
    long subtract(long t, long d) {
        long end = isOpen(t) ? t : lastClosingAtOrBefore(t);
        long remaining = d;
        if (remaining == 0) {
            return result(end);
        }
        for (int i = openings.size() - 1; i >= 0; i--) {
            Span o = openings.get(i);
            if (o.from() >= end) {
                continue;
            }
            long stop = Math.min(o.to(), end);
            long available = stop - o.from();
            if (remaining < available) {
                return result(stop - remaining);
            }
            if (remaining == available) {
                return result(o.from());
            }
            remaining -= available;
        }
        throw new OutOfHorizon("subtracting " + d + " s from " + Instant.ofEpochSecond(t));
    }

    long addDays(long t, int n) {
        input(t);
        ZonedDateTime at = Instant.ofEpochSecond(t).atZone(zone);
        LocalDate date = at.toLocalDate();
        for (int i = 0; i < n; i++) {
            date = date.plusDays(1);
            while (!isBusinessDate(date)) {
                date = date.plusDays(1);
            }
        }
        long kept = n == 0 ? t : sameTimeOn(date, at.toLocalTime()); // n = 0: t already has its time of day
        return nextOpen(kept);
    }

    long subtractDays(long t, int n) {
        input(t);
        ZonedDateTime at = Instant.ofEpochSecond(t).atZone(zone);
        LocalDate date = at.toLocalDate();
        for (int i = 0; i < n; i++) {
            date = date.minusDays(1);
            while (!isBusinessDate(date)) {
                date = date.minusDays(1);
            }
        }
        long kept = n == 0 ? t : sameTimeOn(date, at.toLocalTime());
        return isOpen(kept) ? result(kept) : result(lastClosingAtOrBefore(kept));
    }

    /** A local date with business time in {@code [start of date, start of the next date)}. */
    boolean isBusinessDate(LocalDate date) {
        long from = ZonedDateTime.ofLocal(date.atStartOfDay(), zone, null).toEpochSecond();
        long to = ZonedDateTime.ofLocal(date.plusDays(1).atStartOfDay(), zone, null).toEpochSecond();
        return elapsed(from, to) > 0;
    }

    private long sameTimeOn(LocalDate date, LocalTime time) {
        return ZonedDateTime.ofLocal(date.atTime(time), zone, null).toEpochSecond();
    }

    /** The end of the last opening that ends at or before {@code t}. */
    private long lastClosingAtOrBefore(long t) {
        input(t);
        for (int i = openings.size() - 1; i >= 0; i--) {
            if (openings.get(i).to() <= t) {
                return result(openings.get(i).to());
            }
        }
        throw new OutOfHorizon("no closing before " + Instant.ofEpochSecond(t));
    }

    private void input(long t) {
        if (t < horizonStart || t >= horizonEnd) {
            throw new OutOfHorizon("instant " + Instant.ofEpochSecond(t) + " outside the oracle's horizon");
        }
    }

    private long result(long t) {
        if (t <= horizonStart || t >= horizonEnd) {
            throw new OutOfHorizon("result " + Instant.ofEpochSecond(t) + " outside the oracle's horizon");
        }
        return t;
    }
}
