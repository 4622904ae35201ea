package org.atende.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atende.support.PropertyCases.assume;
import static org.atende.support.PropertyCases.between;
import static org.atende.support.PropertyCases.cases;
import static org.atende.support.PropertyCases.duration;
import static org.atende.support.PropertyCases.frequency;
import static org.atende.support.PropertyCases.instant;
import static org.atende.support.PropertyCases.listOf;
import static org.atende.support.PropertyCases.pick;
import static org.atende.support.PropertyCases.suchThat;
import static org.atende.support.PropertyCases.weight;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.atende.support.PropertyCases.Weighted;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Properties of business time ({@code /work/shared/business-time.md}) on random calendars: the
 * engine agrees with {@link NaiveCalendar}, a deliberately simple oracle, on every operation, and
 * the algebraic laws between the operations hold. Each property is a stream of cases drawn from
 * seeds ({@link org.atende.support.PropertyCases}); a case the oracle cannot answer (outside its
 * horizon) is drawn again, so every case counts.
 */
class BusinessTimeProperties {

    static final List<String> ZONES = List.of("Europe/Lisbon", "America/New_York", "America/Sao_Paulo",
            "Australia/Lord_Howe", "Asia/Kathmandu", "Asia/Tokyo", "Etc/UTC", "Pacific/Apia");

    /** Generated instants (and holidays, overrides, breaks) lie in [FROM, TO). */
    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant TO = Instant.parse("2027-04-01T00:00:00Z");
    static final LocalDate FIRST_DATE = LocalDate.of(2026, 1, 1);
    static final LocalDate LAST_DATE = LocalDate.of(2027, 3, 31);
    /** The dates the oracle lists: well around the generated instants, so few results fall outside. */
    static final LocalDate ORACLE_FIRST = LocalDate.of(2025, 10, 1);
    static final LocalDate ORACLE_LAST = LocalDate.of(2028, 3, 31);

    static final long MAX_SECONDS = 300L * 3600;

    /**
     * The engine precomputes openings in windows of 2^21 s and cuts openings at their edges (an
     * implementation detail, hence only a bias): instants, breaks and durations sometimes land on them.
     */
    static final List<Long> WINDOW_EDGES = java.util.stream.LongStream
            .rangeClosed(FROM.getEpochSecond() >> 21, TO.getEpochSecond() >> 21)
            .map(k -> k << 21).filter(e -> e >= FROM.getEpochSecond() && e < TO.getEpochSecond())
            .boxed().toList();

    // ================================================================ the engine agrees with the oracle

    @TestFactory
    Stream<DynamicTest> isOpenAgreesWithTheNaiveOracle() {
        return cases("isOpenAgreesWithTheNaiveOracle", 500, BusinessTimeProperties::randomCase, c -> {
            boolean expected = oracle(() -> c.oracle().isOpen(c.t()));
            assertThat(c.engine().isOpen(c.at())).as("isOpen(%s)", c.at()).isEqualTo(expected);
        });
    }

    @TestFactory
    Stream<DynamicTest> nextOpenAgreesWithTheNaiveOracle() {
        return cases("nextOpenAgreesWithTheNaiveOracle", 500, BusinessTimeProperties::randomCase, c -> {
            long expected = oracle(() -> c.oracle().nextOpen(c.t()));
            assertThat(c.engine().nextOpen(c.at())).as("nextOpen(%s)", c.at()).isEqualTo(Instant.ofEpochSecond(expected));
        });
    }

    @TestFactory
    Stream<DynamicTest> addAgreesWithTheNaiveOracle() {
        return cases("addAgreesWithTheNaiveOracle", 800, BusinessTimeProperties::randomCase, c -> {
            long expected = oracle(() -> c.oracle().add(c.t(), c.d()));
            assertThat(c.engine().add(c.at(), c.duration()))
                    .as("add(%s, %s)", c.at(), c.duration())
                    .isEqualTo(Instant.ofEpochSecond(expected));
        });
    }

    @TestFactory
    Stream<DynamicTest> subtractAgreesWithTheNaiveOracle() {
        return cases("subtractAgreesWithTheNaiveOracle", 800, BusinessTimeProperties::randomCase, c -> {
            long expected = oracle(() -> c.oracle().subtract(c.t(), c.d()));
            assertThat(c.engine().subtract(c.at(), c.duration()))
                    .as("subtract(%s, %s)", c.at(), c.duration())
                    .isEqualTo(Instant.ofEpochSecond(expected));
        });
    }

    @TestFactory
    Stream<DynamicTest> addDaysAgreesWithTheNaiveOracle() {
        return cases("addDaysAgreesWithTheNaiveOracle", 600, BusinessTimeProperties::randomCase, c -> {
            long expected = oracle(() -> c.oracle().addDays(c.t(), c.n()));
            assertThat(c.engine().addDays(c.at(), c.n()))
                    .as("addDays(%s, %d)", c.at(), c.n())
                    .isEqualTo(Instant.ofEpochSecond(expected));
        });
    }

    @TestFactory
    Stream<DynamicTest> subtractDaysAgreesWithTheNaiveOracle() {
        return cases("subtractDaysAgreesWithTheNaiveOracle", 600, BusinessTimeProperties::randomCase, c -> {
            long expected = oracle(() -> c.oracle().subtractDays(c.t(), c.n()));
            assertThat(c.engine().subtractDays(c.at(), c.n()))
                    .as("subtractDays(%s, %d)", c.at(), c.n())
                    .isEqualTo(Instant.ofEpochSecond(expected));
        });
    }

    @TestFactory
    Stream<DynamicTest> elapsedAgreesWithTheNaiveOracle() {
        return cases("elapsedAgreesWithTheNaiveOracle", 600, BusinessTimeProperties::randomCase, c -> {
            // both orders: elapsed is 0 when to <= from
            long forward = oracle(() -> c.oracle().elapsed(c.t(), c.t2()));
            long backward = oracle(() -> c.oracle().elapsed(c.t2(), c.t()));
            assertThat(c.engine().elapsed(c.at(), c.at2())).as("elapsed(%s, %s)", c.at(), c.at2())
                    .isEqualTo(Duration.ofSeconds(forward));
            assertThat(c.engine().elapsed(c.at2(), c.at())).as("elapsed(%s, %s)", c.at2(), c.at())
                    .isEqualTo(Duration.ofSeconds(backward));
        });
    }

    // ================================================================ laws of add, subtract, elapsed

    @TestFactory
    Stream<DynamicTest> elapsedFromAnInstantToItsAddedDurationIsThatDuration() {
        return cases("elapsedFromAnInstantToItsAddedDurationIsThatDuration", 400, BusinessTimeProperties::randomCase, c -> {
            BusinessCalendar cal = c.engine();
            Instant u = cal.add(c.at(), c.duration());
            assertThat(cal.elapsed(c.at(), u)).as("elapsed(t, add(t, d)) with add(t, d) = %s", u).isEqualTo(c.duration());
        });
    }

    @TestFactory
    Stream<DynamicTest> addIsMonotoneInTheDuration() {
        return cases("addIsMonotoneInTheDuration", 400, BusinessTimeProperties::randomCase, c -> {
            BusinessCalendar cal = c.engine();
            Duration small = Duration.ofSeconds(Math.min(c.d(), c.d2()));
            Duration large = Duration.ofSeconds(Math.max(c.d(), c.d2()));
            assertThat(cal.add(c.at(), small)).as("add(t, %s) <= add(t, %s)", small, large)
                    .isBeforeOrEqualTo(cal.add(c.at(), large));
        });
    }

    @TestFactory
    Stream<DynamicTest> addIsMonotoneInTheStartInstant() {
        return cases("addIsMonotoneInTheStartInstant", 400, BusinessTimeProperties::randomCase, c -> {
            BusinessCalendar cal = c.engine();
            Instant early = min(c.at(), c.at2());
            Instant late = max(c.at(), c.at2());
            assertThat(cal.add(early, c.duration())).as("add(%s, d) <= add(%s, d)", early, late)
                    .isBeforeOrEqualTo(cal.add(late, c.duration()));
        });
    }

    @TestFactory
    Stream<DynamicTest> subtractingTheAddedDurationGivesTheNextOpening() {
        return cases("subtractingTheAddedDurationGivesTheNextOpening", 400, BusinessTimeProperties::randomCase, c -> {
            BusinessCalendar cal = c.engine();
            Instant u = cal.add(c.at(), c.duration());
            assertThat(cal.subtract(u, c.duration())).as("subtract(add(t, d), d) with add(t, d) = %s", u)
                    .isEqualTo(cal.nextOpen(c.at()));
        });
    }

    @TestFactory
    Stream<DynamicTest> subtractingTheAddedDurationFromAnOpenInstantGivesThatInstant() {
        return cases("subtractingTheAddedDurationFromAnOpenInstantGivesThatInstant", 400,
                BusinessTimeProperties::randomOpenCase, c -> {
                    BusinessCalendar cal = c.engine();
                    assume(cal.isOpen(c.at()));
                    Instant u = cal.add(c.at(), c.duration());
                    assertThat(cal.subtract(u, c.duration())).as("subtract(add(t, d), d) with add(t, d) = %s", u)
                            .isEqualTo(c.at());
                });
    }

    @TestFactory
    Stream<DynamicTest> addAlwaysAnswersAnOpenInstant() {
        return cases("addAlwaysAnswersAnOpenInstant", 400, BusinessTimeProperties::randomCase, c -> {
            BusinessCalendar cal = c.engine();
            Instant u = cal.add(c.at(), c.duration());
            assertThat(cal.isOpen(u)).as("isOpen(add(t, d)) with add(t, d) = %s", u).isTrue();
        });
    }

    @TestFactory
    Stream<DynamicTest> elapsedIsAdditiveOverASplitPoint() {
        return cases("elapsedIsAdditiveOverASplitPoint", 400, BusinessTimeProperties::randomCase, c -> {
            BusinessCalendar cal = c.engine();
            List<Instant> sorted = new ArrayList<>(List.of(c.at(), c.at2(), c.at3()));
            Collections.sort(sorted);
            Instant a = sorted.get(0), b = sorted.get(1), z = sorted.get(2);
            assertThat(cal.elapsed(a, z)).as("elapsed(%s, %s) = elapsed(a, %s) + elapsed(b, c)", a, z, b)
                    .isEqualTo(cal.elapsed(a, b).plus(cal.elapsed(b, z)));
        });
    }

    /** A case and the nanoseconds added to its first two instants. */
    record WithNanos(Case c, int nanos, int nanos2) {
    }

    @TestFactory
    Stream<DynamicTest> inputsAreTruncatedToTheWholeSecond() {
        return cases("inputsAreTruncatedToTheWholeSecond", 200, r -> new WithNanos(randomCase(r), nanos(r), nanos(r)), s -> {
            Case c = s.c();
            BusinessCalendar cal = c.engine();
            Instant t = c.at(), t2 = c.at2();
            Instant ft = t.plusNanos(s.nanos()), ft2 = t2.plusNanos(s.nanos2());
            Duration d = c.duration();
            int n = c.n();
            assertThat(cal.isOpen(ft)).as("isOpen").isEqualTo(cal.isOpen(t));
            assertThat(cal.nextOpen(ft)).as("nextOpen").isEqualTo(cal.nextOpen(t));
            assertThat(cal.add(ft, d)).as("add").isEqualTo(cal.add(t, d));
            assertThat(cal.subtract(ft, d)).as("subtract").isEqualTo(cal.subtract(t, d));
            assertThat(cal.addDays(ft, n)).as("addDays").isEqualTo(cal.addDays(t, n));
            assertThat(cal.subtractDays(ft, n)).as("subtractDays").isEqualTo(cal.subtractDays(t, n));
            assertThat(cal.elapsed(ft, ft2)).as("elapsed").isEqualTo(cal.elapsed(t, t2));
        });
    }

    // ================================================================ withBreaks

    /** A case and a second number: where to split the breaks, or a second number of days. */
    record WithNumber(Case c, int m) {
    }

    @TestFactory
    Stream<DynamicTest> withBreaksAnswersAsBuildingTheBreaksIn() {
        return cases("withBreaksAnswersAsBuildingTheBreaksIn", 400, r -> new WithNumber(randomCase(r), between(r, 0, 4)), s -> {
            Case c = s.c();
            List<Pause> all = c.calendar().breaks();
            int k = Math.min(s.m(), all.size());
            BusinessCalendar built = c.engine();
            BusinessCalendar extended = c.calendar().build(all.subList(0, k))
                    .withBreaks(all.subList(k, all.size()).stream().map(Pause::toBreak).toList());
            Instant t = c.at(), t2 = c.at2();
            Duration d = c.duration();
            int n = c.n();
            assertThat(extended.isOpen(t)).as("isOpen").isEqualTo(built.isOpen(t));
            assertThat(extended.nextOpen(t)).as("nextOpen").isEqualTo(built.nextOpen(t));
            assertThat(extended.add(t, d)).as("add").isEqualTo(built.add(t, d));
            assertThat(extended.subtract(t, d)).as("subtract").isEqualTo(built.subtract(t, d));
            assertThat(extended.addDays(t, n)).as("addDays").isEqualTo(built.addDays(t, n));
            assertThat(extended.subtractDays(t, n)).as("subtractDays").isEqualTo(built.subtractDays(t, n));
            assertThat(extended.elapsed(t, t2)).as("elapsed").isEqualTo(built.elapsed(t, t2));
        });
    }

    // ================================================================ business days

    @TestFactory
    Stream<DynamicTest> addDaysAnswersAnOpenInstant() {
        return cases("addDaysAnswersAnOpenInstant", 400, BusinessTimeProperties::randomCase, c -> {
            BusinessCalendar cal = c.engine();
            Instant u = cal.addDays(c.at(), c.n());
            assertThat(cal.isOpen(u)).as("isOpen(addDays(t, %d)) with addDays = %s", c.n(), u).isTrue();
        });
    }

    @TestFactory
    Stream<DynamicTest> addDaysIsMonotoneInTheNumberOfDays() {
        return cases("addDaysIsMonotoneInTheNumberOfDays", 400, r -> new WithNumber(randomCase(r), numberOfDays(r)), s -> {
            Case c = s.c();
            BusinessCalendar cal = c.engine();
            int small = Math.min(c.n(), s.m()), large = Math.max(c.n(), s.m());
            assertThat(cal.addDays(c.at(), small)).as("addDays(t, %d) <= addDays(t, %d)", small, large)
                    .isBeforeOrEqualTo(cal.addDays(c.at(), large));
        });
    }

    /**
     * {@code addDays(t, n) >= t}, with one exception the spec's rules imply: for {@code n = 0} and
     * {@code t} in the second pass of a fall-back hour, "keep the time of day" converts that local
     * time with the earlier offset, which lies before {@code t} (then the result is exactly that
     * earlier instant, or the next opening after it). See the report: a question for the spec.
     */
    @TestFactory
    Stream<DynamicTest> addDaysNeverAnswersBeforeTheStart() {
        return cases("addDaysNeverAnswersBeforeTheStart", 300, BusinessTimeProperties::randomCase, c -> {
            BusinessCalendar cal = c.engine();
            assertThat(cal.addDays(c.at(), c.n())).as("addDays(t, %d) >= t", c.n()).isAfterOrEqualTo(c.at());
            assertThat(cal.addDays(c.at(), 0)).as("addDays(t, 0) == nextOpen(t)").isEqualTo(cal.nextOpen(c.at()));
        });
    }

    @TestFactory
    Stream<DynamicTest> subtractDaysNeverAnswersAfterTheStartAndIsMonotone() {
        return cases("subtractDaysNeverAnswersAfterTheStartAndIsMonotone", 400,
                r -> new WithNumber(randomCase(r), numberOfDays(r)), s -> {
                    Case c = s.c();
                    BusinessCalendar cal = c.engine();
                    int small = Math.min(c.n(), s.m()), large = Math.max(c.n(), s.m());
                    assertThat(cal.subtractDays(c.at(), small)).as("subtractDays(t, %d) <= t", small)
                            .isBeforeOrEqualTo(c.at());
                    assertThat(cal.subtractDays(c.at(), large))
                            .as("subtractDays(t, %d) <= subtractDays(t, %d)", large, small)
                            .isBeforeOrEqualTo(cal.subtractDays(c.at(), small));
                });
    }

    // ================================================================ helpers

    /** The oracle's answer; a case it cannot answer (outside its horizon) is drawn again. */
    private static <T> T oracle(Supplier<T> answer) {
        try {
            return answer.get();
        } catch (NaiveCalendar.OutOfHorizon e) {
            assume(false);
            throw e;
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** An instant range in the test's terms (turned into a {@link Break} for the engine). */
    record Pause(Instant from, Instant to) {
        Break toBreak() {
            return new Break(from, to);
        }

        NaiveCalendar.Span span() {
            return new NaiveCalendar.Span(from.getEpochSecond(), to.getEpochSecond());
        }

        @Override
        public String toString() {
            return "new Break(Instant.parse(\"" + from + "\"), Instant.parse(\"" + to + "\"))";
        }
    }

    /** A calendar definition; builds (and keeps) the engine's calendar and the oracle. */
    static final class CalendarSpec {
        final String zone;
        final Map<DayOfWeek, List<String>> week;
        final List<LocalDate> holidays;
        final Map<LocalDate, List<String>> overrides;
        final List<Pause> breaks;
        private BusinessCalendar engine;
        private NaiveCalendar oracle;
        private List<Long> boundaries;
        private Function<SplittableRandom, Long> instants;

        CalendarSpec(String zone, Map<DayOfWeek, List<String>> week, List<LocalDate> holidays,
                Map<LocalDate, List<String>> overrides, List<Pause> breaks) {
            this.zone = zone;
            this.week = week;
            this.holidays = holidays;
            this.overrides = overrides;
            this.breaks = breaks;
        }

        List<Pause> breaks() {
            return breaks;
        }

        BusinessCalendar engine() {
            if (engine == null) {
                engine = build(breaks);
            }
            return engine;
        }

        BusinessCalendar build(List<Pause> withBreaks) {
            BusinessCalendar.Builder b = BusinessCalendar.builder(zone);
            week.forEach((day, intervals) -> b.open(day, intervals.toArray(String[]::new)));
            holidays.forEach(b::holiday);
            overrides.forEach((date, intervals) -> b.override(date, intervals.stream().map(DailyInterval::parse).toList()));
            withBreaks.forEach(p -> b.addBreak(p.toBreak()));
            return b.build();
        }

        /** Every opening's start and end inside the oracle's horizon, sorted: start, end, start, end... */
        List<Long> boundaries() {
            if (boundaries == null) {
                List<Long> b = new ArrayList<>();
                NaiveCalendar o = oracle();
                for (NaiveCalendar.Span span : o.openings()) {
                    if (span.from() > o.horizonStart() && span.to() < o.horizonEnd()) {
                        b.add(span.from());
                        b.add(span.to());
                    }
                }
                boundaries = List.copyOf(b);
            }
            return boundaries;
        }

        NaiveCalendar oracle() {
            if (oracle == null) {
                oracle = new NaiveCalendar(zone, week, holidays, overrides,
                        breaks.stream().map(Pause::span).toList(), ORACLE_FIRST, ORACLE_LAST);
            }
            return oracle;
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder("BusinessCalendar.builder(\"" + zone + "\")");
            week.forEach((day, intervals) -> s.append("\n    .open(").append(day).append(", ")
                    .append(intervals.stream().map(i -> "\"" + i + "\"").collect(Collectors.joining(", "))).append(")"));
            holidays.forEach(h -> s.append("\n    .holiday(LocalDate.parse(\"").append(h).append("\"))"));
            overrides.forEach((date, intervals) -> s.append("\n    .override(LocalDate.parse(\"").append(date)
                    .append("\"), List.of(").append(intervals.stream().map(i -> "DailyInterval.parse(\"" + i + "\")")
                            .collect(Collectors.joining(", "))).append("))"));
            breaks.forEach(p -> s.append("\n    .addBreak(").append(p).append(")"));
            return s.append("\n    .build()").toString();
        }
    }

    /** A calendar, three instants, two durations and a number of days. */
    record Case(CalendarSpec calendar, long t, long t2, long t3, long d, long d2, int n) {
        BusinessCalendar engine() {
            return calendar.engine();
        }

        NaiveCalendar oracle() {
            return calendar.oracle();
        }

        Instant at() {
            return Instant.ofEpochSecond(t);
        }

        Instant at2() {
            return Instant.ofEpochSecond(t2);
        }

        Instant at3() {
            return Instant.ofEpochSecond(t3);
        }

        Duration duration() {
            return Duration.ofSeconds(d);
        }

        @Override
        public String toString() {
            ZoneId z = ZoneId.of(calendar.zone);
            return "\n" + calendar + "\nt  = " + at() + " (" + at().atZone(z).toLocalDateTime() + " local)"
                    + "\nt2 = " + at2() + " (" + at2().atZone(z).toLocalDateTime() + " local)"
                    + "\nt3 = " + at3() + "\nd  = " + d + " s (" + Duration.ofSeconds(d) + ")"
                    + "\nd2 = " + d2 + " s\nn  = " + n + "\n";
        }
    }

    // ================================================================ generators

    static Case randomCase(SplittableRandom r) {
        CalendarSpec cal = calendar(r);
        return caseOn(r, cal, instantOn(r, cal));
    }

    /** A case whose first instant is open (an opening start or an instant inside an opening). */
    static Case randomOpenCase(SplittableRandom r) {
        CalendarSpec cal = calendar(r);
        return caseOn(r, cal, openInstant(r, cal));
    }

    static Case caseOn(SplittableRandom r, CalendarSpec cal, long t) {
        return new Case(cal, t, instantOn(r, cal), instantOn(r, cal), durationFrom(r, cal, t), durationFrom(r, cal, t),
                numberOfDays(r));
    }

    /** 0..20 business days, mostly 0..3. */
    static int numberOfDays(SplittableRandom r) {
        return frequency(r, weight(3, x -> between(x, 0, 3)), weight(2, x -> between(x, 0, 20)));
    }

    static int nanos(SplittableRandom r) {
        return frequency(r, weight(1, 0), weight(1, 999_999_999), weight(2, x -> between(x, 1, 999_999_999)));
    }

    // ---------------------------------------------------------------- calendars

    static CalendarSpec calendar(SplittableRandom r) {
        // the zones with daylight saving in 2026-2027 come up twice as often
        String zone = frequency(r, ZONES.stream().map(z -> weight(transitions(z).isEmpty() ? 1 : 2, z)).toList());
        Map<DayOfWeek, List<String>> week = week(r);
        List<LocalDate> holidays = holidays(r, zone);
        Map<LocalDate, List<String>> o = overrides(r, zone);
        List<Pause> breaks = breaks(r, zone);
        if (between(r, 0, 3) == 0 && !holidays.isEmpty() && !o.isEmpty()) {
            // a holiday wins over an override on the same date
            List<String> first = o.remove(o.keySet().iterator().next());
            o.put(holidays.getFirst(), first);
        }
        return new CalendarSpec(zone, week, holidays, o, breaks);
    }

    static Map<DayOfWeek, List<String>> week(SplittableRandom r) {
        return frequency(r,
                weight(6, BusinessTimeProperties::randomWeek),
                weight(2, BusinessTimeProperties::overnightWeek),
                weight(1, BusinessTimeProperties::officeWeek),
                weight(1, allWeek()));
    }

    private static Map<DayOfWeek, List<String>> allWeek() {
        Map<DayOfWeek, List<String>> w = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            w.put(d, List.of("00:00-24:00"));
        }
        return w;
    }

    /** Each day closed or with 1-3 random intervals; at least one day open. */
    static Map<DayOfWeek, List<String>> randomWeek(SplittableRandom r) {
        return suchThat(r, x -> {
            List<List<String>> days = listOf(x, 7, y -> frequency(y, weight(1, List.<String>of()),
                    weight(2, BusinessTimeProperties::dayIntervals)));
            Map<DayOfWeek, List<String>> w = new EnumMap<>(DayOfWeek.class);
            for (int i = 0; i < 7; i++) {
                if (!days.get(i).isEmpty()) {
                    w.put(DayOfWeek.of(i + 1), days.get(i));
                }
            }
            return w;
        }, w -> !w.isEmpty());
    }

    /** Monday to Friday (or a subset) with the same single interval. */
    static Map<DayOfWeek, List<String>> officeWeek(SplittableRandom r) {
        int start = between(r, 0, 12 * 4) * 15;
        int length = between(r, 1, 14 * 4) * 15;
        int end = Math.min(1440, start + length);
        Map<DayOfWeek, List<String>> w = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : someDays(r)) {
            w.put(d, List.of(interval(start, end)));
        }
        return w;
    }

    /** Overnight shifts: "S-24:00" on some days and "00:00-E" on the day after each. */
    static Map<DayOfWeek, List<String>> overnightWeek(SplittableRandom r) {
        int g = pick(r, List.of(1, 15));
        int start = between(r, 12 * 60 / g, 1440 / g - 1) * g;
        int end = between(r, 1, 12 * 60 / g) * g;
        Map<DayOfWeek, List<String>> w = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : someDays(r)) {
            w.computeIfAbsent(d, x -> new ArrayList<>()).add(interval(start, 1440));
            w.computeIfAbsent(d.plus(1), x -> new ArrayList<>()).add(interval(0, end));
        }
        w.replaceAll((d, l) -> l.stream().sorted().toList());
        return w;
    }

    /** 1 to 7 distinct days of the week. */
    static Set<DayOfWeek> someDays(SplittableRandom r) {
        List<DayOfWeek> all = new ArrayList<>(List.of(DayOfWeek.values()));
        int size = between(r, 1, 7);
        for (int i = 0; i < size; i++) {
            Collections.swap(all, i, between(r, i, all.size() - 1));
        }
        return EnumSet.copyOf(all.subList(0, size));
    }

    /** 1-3 intervals of one day on a 15-minute or 1-minute grid, non-overlapping, sometimes touching. */
    static List<String> dayIntervals(SplittableRandom r) {
        return suchThat(r, x -> frequency(x,
                weight(6, y -> gridIntervals(y, 15)),
                weight(2, y -> gridIntervals(y, 1)),
                weight(1, List.of("00:00-24:00"))), l -> !l.isEmpty());
    }

    static List<String> gridIntervals(SplittableRandom r, int step) {
        int top = 1440 / step;
        List<Integer> p = listOf(r, 2 * between(r, 1, 3),
                x -> frequency(x, weight(6, y -> between(y, 0, top)), weight(1, 0), weight(1, top)))
                .stream().sorted().toList();
        List<String> intervals = new ArrayList<>();
        for (int i = 0; i + 1 < p.size(); i += 2) {
            if (p.get(i) < p.get(i + 1)) {
                intervals.add(interval(p.get(i) * step, p.get(i + 1) * step));
            }
        }
        return intervals;
    }

    static String interval(int startMinute, int endMinute) {
        return hhmm(startMinute) + "-" + hhmm(endMinute);
    }

    static String hhmm(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }

    /** Up to 10 distinct dates. */
    static List<LocalDate> holidays(SplittableRandom r, String zone) {
        int size = between(r, 0, 10);
        Set<LocalDate> dates = new LinkedHashSet<>();
        while (dates.size() < size) {
            dates.add(date(r, zone));
        }
        return List.copyOf(dates);
    }

    /** Up to 4 dates, each closed all day or open on its own intervals. */
    static Map<LocalDate, List<String>> overrides(SplittableRandom r, String zone) {
        int size = between(r, 0, 4);
        Map<LocalDate, List<String>> overrides = new TreeMap<>();
        while (overrides.size() < size) {
            LocalDate date = date(r, zone);
            if (!overrides.containsKey(date)) {
                overrides.put(date, frequency(r, weight(1, List.<String>of()), weight(3, BusinessTimeProperties::dayIntervals)));
            }
        }
        return overrides;
    }

    static List<Pause> breaks(SplittableRandom r, String zone) {
        List<Pause> list = new ArrayList<>();
        int count = between(r, 0, 4);
        for (int i = 0; i < count; i++) {
            long f = frequency(r,
                    weight(2, x -> between(x, FROM.getEpochSecond() / 60, TO.getEpochSecond() / 60 - 1) * 60),
                    weight(2, x -> wallClockInstant(x, zone)),
                    weight(1, x -> nearTransition(x, zone)),
                    weight(1, x -> pick(x, WINDOW_EDGES) + pick(x, List.of(-3600L, -1L, 0L, 1L))));
            long l = frequency(r,
                    weight(2, x -> between(x, 1L, 3600L)),
                    weight(2, x -> between(x, 1L, 48L) * 900),
                    weight(1, x -> between(x, 3600L, 5L * 86400)));
            // how a break relates to the one before it: independent, or touching / overlapping / inside it
            int rel = frequency(r, weight(4, 0), weight(1, 1), weight(1, 2), weight(1, 3));
            long off = between(r, -3600L, 3600L);
            if (!list.isEmpty() && rel > 0) {
                Pause prev = list.getLast();
                long pf = prev.from().getEpochSecond(), pt = prev.to().getEpochSecond();
                f = switch (rel) {
                    case 1 -> pt;                                          // touching
                    case 2 -> pf + Math.floorMod(off, pt - pf);            // starting inside
                    default -> pf - Math.abs(off);                         // starting before
                };
            }
            list.add(new Pause(Instant.ofEpochSecond(f), Instant.ofEpochSecond(f + l)));
        }
        return list;
    }

    /** A local date in the generated range, often within a few days of a DST transition. */
    static LocalDate date(SplittableRandom r, String zone) {
        List<Long> transitions = transitions(zone);
        Function<SplittableRandom, LocalDate> any = x -> FIRST_DATE.plusDays(between(x, 0, ChronoUnit.DAYS.between(FIRST_DATE, LAST_DATE)));
        if (transitions.isEmpty()) {
            return any.apply(r);
        }
        ZoneId z = ZoneId.of(zone);
        return frequency(r, weight(2, any), weight(1, x -> suchThat(x,
                y -> Instant.ofEpochSecond(pick(y, transitions)).atZone(z).toLocalDate().plusDays(between(y, -3, 3)),
                d -> !d.isBefore(FIRST_DATE) && !d.isAfter(LAST_DATE))));
    }

    // ---------------------------------------------------------------- instants and durations

    /** An instant (epoch seconds) in [FROM, TO), biased to the calendar's boundaries. */
    static long instantOn(SplittableRandom r, CalendarSpec cal) {
        if (cal.instants == null) {
            cal.instants = newInstants(cal);
        }
        return cal.instants.apply(r);
    }

    private static Function<SplittableRandom, Long> newInstants(CalendarSpec cal) {
        long from = FROM.getEpochSecond(), to = TO.getEpochSecond();
        List<Long> boundaries = boundaries(cal, from, to);
        List<Long> specials = new ArrayList<>();
        ZoneId z = ZoneId.of(cal.zone);
        for (LocalDate d : cal.holidays) {
            specials.add(ZonedDateTime.ofLocal(d.atStartOfDay(), z, null).toEpochSecond());
        }
        for (LocalDate d : cal.overrides.keySet()) {
            specials.add(ZonedDateTime.ofLocal(d.atStartOfDay(), z, null).toEpochSecond());
            specials.add(ZonedDateTime.ofLocal(d.plusDays(1).atStartOfDay(), z, null).toEpochSecond());
        }
        for (Pause p : cal.breaks) {
            specials.add(p.from().getEpochSecond());
            specials.add(p.to().getEpochSecond());
        }
        Function<SplittableRandom, Long> delta = r -> frequency(r,
                weight(6, 0L), weight(1, -1L), weight(1, 1L), weight(1, x -> between(x, -3600L, 3600L)));
        List<Weighted<Long>> choices = new ArrayList<>();
        choices.add(weight(3, r -> instant(r, FROM, TO).getEpochSecond()));
        choices.add(weight(2, r -> wallClockInstant(r, cal.zone)));
        if (!boundaries.isEmpty()) {
            choices.add(weight(6, r -> pick(r, boundaries) + delta.apply(r)));
        }
        if (!specials.isEmpty()) {
            choices.add(weight(2, r -> pick(r, specials) + delta.apply(r)));
        }
        if (!transitions(cal.zone).isEmpty()) {
            choices.add(weight(3, r -> nearTransition(r, cal.zone)));
        }
        choices.add(weight(1, r -> pick(r, WINDOW_EDGES) + delta.apply(r)));
        return r -> suchThat(r, x -> frequency(x, choices), t -> from <= t && t < to);
    }

    /** An open instant: an opening's start, its last second or a second inside it. */
    static long openInstant(SplittableRandom r, CalendarSpec cal) {
        List<NaiveCalendar.Span> openings = cal.oracle().openings().stream()
                .filter(o -> o.from() >= FROM.getEpochSecond() && o.to() <= TO.getEpochSecond()).toList();
        if (openings.isEmpty()) {
            return instantOn(r, cal);
        }
        NaiveCalendar.Span o = pick(r, openings);
        return frequency(r, weight(2, o.from()), weight(1, o.to() - 1), weight(3, x -> between(x, o.from(), o.to() - 1)));
    }

    /** A local wall-clock time on the quarter hour, as an instant ("ofLocal" with no preferred offset). */
    static long wallClockInstant(SplittableRandom r, String zone) {
        LocalDate d = date(r, zone);
        int q = between(r, 0, 95);
        return ZonedDateTime.ofLocal(d.atTime(q / 4, q % 4 * 15), ZoneId.of(zone), null).toEpochSecond();
    }

    static long nearTransition(SplittableRandom r, String zone) {
        List<Long> transitions = transitions(zone);
        if (transitions.isEmpty()) {
            return wallClockInstant(r, zone);
        }
        long offset = frequency(r,
                weight(3, x -> pick(x, List.of(-3600L, -1800L, -1L, 0L, 1L, 1800L, 3600L))),
                weight(2, x -> between(x, -12L, 12L) * 900),
                weight(1, x -> between(x, -86400L, 86400L)));
        return pick(r, transitions) + offset;
    }

    /** A duration from t: an exact fill of the openings after t (or empty of those before), +-1 s, or random. */
    static long durationFrom(SplittableRandom r, CalendarSpec cal, long t) {
        NaiveCalendar o = cal.oracle();
        List<Long> boundaries = cal.boundaries();
        int after = firstAfter(boundaries, t);
        List<Long> fills = new ArrayList<>();
        int last = Math.min(boundaries.size(), after + 40);
        if (after < last) {
            long sum = o.elapsed(t, boundaries.get(after));
            if (sum > 0) {
                fills.add(sum);
            }
            for (int i = after + 1; i < last; i++) {
                // boundaries alternate start, end: only the stretches that begin at a start are open
                if (i % 2 == 1) {
                    sum += boundaries.get(i) - boundaries.get(i - 1);
                }
                if (sum > 0) {
                    fills.add(sum);
                }
            }
        }
        List<Long> empties = new ArrayList<>();
        int first = Math.max(0, after - 40);
        if (first < after) {
            long sum = o.elapsed(boundaries.get(after - 1), t);
            if (sum > 0) {
                empties.add(sum);
            }
            for (int i = after - 2; i >= first; i--) {
                if (i % 2 == 0) {
                    sum += boundaries.get(i + 1) - boundaries.get(i);
                }
                if (sum > 0) {
                    empties.add(sum);
                }
            }
        }
        Function<SplittableRandom, Long> delta = x -> frequency(x, weight(5, 0L), weight(1, -1L), weight(1, 1L));
        List<Weighted<Long>> choices = new ArrayList<>();
        choices.add(weight(1, 0L));
        choices.add(weight(2, x -> duration(x, Duration.ofSeconds(MAX_SECONDS)).getSeconds()));
        choices.add(weight(1, x -> between(x, 0, MAX_SECONDS / 60) * 60));
        choices.add(weight(1, x -> between(x, 1L, 3600L)));
        if (!fills.isEmpty()) {
            choices.add(weight(4, x -> Math.max(0, pick(x, fills) + delta.apply(x))));
        }
        List<Long> toEdges = new ArrayList<>();
        for (long edge : WINDOW_EDGES) {
            if (edge > t && toEdges.size() < 3) {
                toEdges.add(o.elapsed(t, edge));
            }
        }
        if (!toEdges.isEmpty()) {
            choices.add(weight(1, x -> Math.max(0, pick(x, toEdges) + delta.apply(x))));
        }
        if (!empties.isEmpty()) {
            choices.add(weight(2, x -> Math.max(0, pick(x, empties) + delta.apply(x))));
        }
        return frequency(r, choices);
    }

    /** Opening starts and ends (per the oracle) within [from, to), sorted. */
    static List<Long> boundaries(CalendarSpec cal, long from, long to) {
        List<Long> all = cal.boundaries();
        return all.subList(firstAfter(all, from - 1), firstAfter(all, to - 1));
    }

    private static int firstAfter(List<Long> sorted, long t) {
        int i = Collections.binarySearch(sorted, t + 1);
        return i >= 0 ? i : -i - 1;
    }

    private static final Map<String, List<Long>> TRANSITIONS = new ConcurrentHashMap<>();

    /** The zone's offset transitions in [FROM, TO), as epoch seconds. */
    static List<Long> transitions(String zone) {
        return TRANSITIONS.computeIfAbsent(zone, id -> {
            List<Long> list = new ArrayList<>();
            var rules = ZoneId.of(id).getRules();
            ZoneOffsetTransition next = rules.nextTransition(FROM.minusSeconds(1));
            while (next != null && next.getInstant().isBefore(TO)) {
                list.add(next.getInstant().getEpochSecond());
                next = rules.nextTransition(next.getInstant());
            }
            return List.copyOf(list);
        });
    }
}
