package org.atende.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.atende.tickets.TicketStatus;
import org.jspecify.annotations.Nullable;

/**
 * What a ticket's new status means for its resolution clock, worked out from the clock as it stands
 * (not from the old status, so a missed or repeated event cannot unbalance pauses): a stopping status
 * (RESOLVED, CLOSED) stops it, closing an open pause first; a pausing status pauses it; any other
 * status has it counting. Leaving a stop (a reopen) turns the stopped period into a pause.
 */
final class ResolutionTransition {

    static final Set<TicketStatus> STOPPING = EnumSet.of(TicketStatus.RESOLVED, TicketStatus.CLOSED);

    sealed interface Step {
        record ClosePause(Instant at) implements Step {
        }

        record Stop(Instant at) implements Step {
        }

        /** The stopped period {@code [stoppedAt, at)} becomes a pause with {@code reason}; the clock counts again. */
        record Unstop(Instant stoppedAt, Instant at, String reason) implements Step {
        }

        record OpenPause(Instant at, String reason) implements Step {
        }
    }

    /** The steps, and the facts once they are taken. */
    record Plan(List<Step> steps, ClockFacts after) {

        boolean changes() {
            return !steps.isEmpty();
        }
    }

    private ResolutionTransition() {
    }

    static Plan plan(ClockFacts clock, TicketStatus from, TicketStatus to, Set<TicketStatus> pausing, Instant at) {
        List<Step> steps = new ArrayList<>();
        List<Pause> pauses = new ArrayList<>(clock.pauses());
        Instant stopped = clock.stoppedAt();
        Pause last = pauses.isEmpty() ? null : pauses.getLast();
        Instant when = latest(at, clock.start(), stopped, last == null ? null : last.from(), last == null ? null : last.to());
        if (STOPPING.contains(to)) {
            if (stopped == null) {
                if (!pauses.isEmpty() && pauses.getLast().isOpen()) {
                    steps.add(new Step.ClosePause(when));
                    pauses.set(pauses.size() - 1, new Pause(pauses.getLast().from(), when));
                }
                steps.add(new Step.Stop(when));
                stopped = when;
            }
            return new Plan(steps, new ClockFacts(clock.start(), clock.target(), pauses, stopped));
        }
        if (stopped != null) {
            String reason = STOPPING.contains(from) ? from.name() : TicketStatus.RESOLVED.name();
            steps.add(new Step.Unstop(stopped, when, reason));
            pauses.add(new Pause(stopped, when));
            stopped = null;
        }
        boolean open = !pauses.isEmpty() && pauses.getLast().isOpen();
        if (pausing.contains(to) && !open) {
            steps.add(new Step.OpenPause(when, to.name()));
            pauses.add(new Pause(when, null));
        } else if (!pausing.contains(to) && open) {
            steps.add(new Step.ClosePause(when));
            pauses.set(pauses.size() - 1, new Pause(pauses.getLast().from(), when));
        }
        return new Plan(steps, new ClockFacts(clock.start(), clock.target(), pauses, stopped));
    }

    /** {@code at}, or the latest of the clock's own instants if the event claims an earlier time. */
    private static Instant latest(Instant at, @Nullable Instant... others) {
        Instant latest = ClockBook.second(at);
        for (Instant other : others) {
            if (other != null && other.isAfter(latest)) {
                latest = other;
            }
        }
        return latest;
    }
}
