package org.atende.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The engine's costs on the default support calendar (Lisbon, 09:00–21:00 weekdays, Portugal's
 * holidays), from instants spread over a year so that no single window stays hot.
 * Run: {@code mvn -Pjmh test-compile exec:exec} (see BENCHMARKS.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BusinessCalendarBenchmark {

    private static final int SPREAD = 1024; // a power of two, for a cheap modulo

    private BusinessCalendar calendar;
    private Instant[] instants;
    private int next;

    @Setup
    public void prepare() {
        calendar = DefaultCalendar.builder().build();
        instants = new Instant[SPREAD];
        Instant first = Instant.parse("2026-01-05T00:00:00Z");
        for (int i = 0; i < SPREAD; i++) {
            instants[i] = first.plusSeconds((long) i * 30_817); // about 356 days, odd seconds of the day
        }
        for (Instant t : instants) { // the windows a long-running desk would already have built
            calendar.add(t, Duration.ofHours(2000));
            calendar.addDays(t, 30);
        }
    }

    private Instant instant() {
        return instants[next++ & (SPREAD - 1)];
    }

    @Benchmark
    public Instant add4Hours() {
        return calendar.add(instant(), Duration.ofHours(4));
    }

    @Benchmark
    public Instant add24Hours() {
        return calendar.add(instant(), Duration.ofHours(24));
    }

    @Benchmark
    public Instant add2000Hours() {
        return calendar.add(instant(), Duration.ofHours(2000));
    }

    @Benchmark
    public Duration elapsedOverAMonth() {
        Instant t = instant();
        return calendar.elapsed(t, t.plus(Duration.ofDays(30)));
    }

    @Benchmark
    public boolean isOpen() {
        return calendar.isOpen(instant());
    }

    @Benchmark
    public Instant addTwoBusinessDays() {
        return calendar.addDays(instant(), 2);
    }

    /** An SLA clock with two pauses: a fresh calendar with breaks, then its due time. */
    @Benchmark
    public Instant add24HoursWithTwoPauses() {
        Instant t = instant();
        BusinessCalendar paused = calendar.withBreaks(List.of(
                new Break(t.plus(Duration.ofHours(2)), t.plus(Duration.ofHours(20))),
                new Break(t.plus(Duration.ofDays(2)), t.plus(Duration.ofDays(3)))));
        return paused.add(t, Duration.ofHours(24));
    }
}
