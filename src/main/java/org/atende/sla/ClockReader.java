package org.atende.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.atende.calendar.Break;
import org.atende.calendar.BusinessCalendar;

/**
 * Reads a clock on its policy's calendar, as {@code business-time.md} ("SLA clocks") says: the
 * effective calendar is the policy's with the clock's pauses as breaks; a target in hours is due at
 * {@code add(start, target)}, one in days at {@code addDays(nextOpen(start), n)}; the clock breaches
 * when it is still running after its due instant. A pause that is still open counts up to now
 * (or to the stop), so a paused clock's due time moves on with the pause.
 */
public final class ClockReader {

    private ClockReader() {
    }

    public static ClockReading read(BusinessCalendar calendar, ClockFacts clock, int warningPercent, Instant now) {
        Instant end = clock.stoppedAt() != null ? clock.stoppedAt() : now;
        BusinessCalendar effective = calendar.withBreaks(breaks(clock.pauses(), end));
        Instant start = clock.start();
        SlaTarget target = clock.target();
        Instant due = switch (target.unit()) {
            case HOURS -> effective.add(start, Duration.ofHours(target.amount()));
            case DAYS -> effective.addDays(effective.nextOpen(start), target.amount());
        };
        long targetSeconds = target.unit() == TargetUnit.HOURS ? target.amount() * 3600L
                : effective.elapsed(start, due).getSeconds();
        Instant warnAt = effective.add(start, Duration.ofSeconds(targetSeconds * warningPercent / 100));
        long elapsed = effective.elapsed(start, end).getSeconds();
        boolean breached = end.isAfter(due);
        long remaining = breached ? -effective.elapsed(due, end).getSeconds() : effective.elapsed(end, due).getSeconds();
        ClockState state = clock.stoppedAt() != null ? (breached ? ClockState.BREACHED : ClockState.MET)
                : breached ? ClockState.BREACHED
                : clock.isPaused() ? ClockState.PAUSED
                : ClockState.RUNNING;
        return new ClockReading(state, due, warnAt, targetSeconds, elapsed, remaining, breached);
    }

    private static List<Break> breaks(List<Pause> pauses, Instant end) {
        List<Break> breaks = new ArrayList<>(pauses.size());
        for (Pause p : pauses) {
            Instant to = p.to() != null ? p.to() : end;
            if (to.getEpochSecond() > p.from().getEpochSecond()) {
                breaks.add(new Break(p.from(), to));
            }
        }
        return breaks;
    }
}
