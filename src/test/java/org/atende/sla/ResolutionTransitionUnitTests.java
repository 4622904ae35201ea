package org.atende.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atende.tickets.TicketStatus.CLOSED;
import static org.atende.tickets.TicketStatus.NEW;
import static org.atende.tickets.TicketStatus.ON_HOLD;
import static org.atende.tickets.TicketStatus.OPEN;
import static org.atende.tickets.TicketStatus.RESOLVED;
import static org.atende.tickets.TicketStatus.WAITING_ON_CUSTOMER;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.atende.sla.ResolutionTransition.Step;
import org.atende.tickets.TicketStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What each status change does to a resolution clock, worked out from the clock as it stands. */
class ResolutionTransitionUnitTests {

    static final Set<TicketStatus> WAITING = Set.of(WAITING_ON_CUSTOMER);
    static final Instant START = Instant.parse("2026-11-26T10:00:00Z");
    static final Instant T1 = Instant.parse("2026-11-26T11:00:00Z");
    static final Instant T2 = Instant.parse("2026-11-26T12:00:00Z");

    static ClockFacts counting(Pause... pauses) {
        return new ClockFacts(START, SlaTarget.hours(24), List.of(pauses), null);
    }

    static ResolutionTransition.Plan plan(ClockFacts clock, TicketStatus from, TicketStatus to, Instant at) {
        return ResolutionTransition.plan(clock, from, to, WAITING, at);
    }

    @Nested
    class WhileOpen {
        @Test
        void aPausingStatusOpensAPause() {
            var plan = plan(counting(), OPEN, WAITING_ON_CUSTOMER, T1);
            assertThat(plan.steps()).containsExactly(new Step.OpenPause(T1, "WAITING_ON_CUSTOMER"));
            assertThat(plan.after().isPaused()).isTrue();
        }

        @Test
        void leavingItClosesThePause() {
            var plan = plan(counting(new Pause(T1, null)), WAITING_ON_CUSTOMER, OPEN, T2);
            assertThat(plan.steps()).containsExactly(new Step.ClosePause(T2));
            assertThat(plan.after().pauses()).containsExactly(new Pause(T1, T2));
        }

        @Test
        void aStatusThePolicyDoesNotPauseOnChangesNothing() {
            assertThat(plan(counting(), NEW, ON_HOLD, T1).changes()).isFalse();
            assertThat(ResolutionTransition.plan(counting(), NEW, ON_HOLD, Set.of(), T1).changes()).isFalse();
        }

        @Test
        void anotherPausingStatusKeepsTheOnePause() {
            var clock = counting(new Pause(T1, null));
            assertThat(ResolutionTransition.plan(clock, WAITING_ON_CUSTOMER, ON_HOLD, Set.of(WAITING_ON_CUSTOMER, ON_HOLD), T2).changes())
                    .isFalse();
        }

        @Test
        void aRepeatedEventDoesNotOpenASecondPause() {
            var plan = plan(counting(new Pause(T1, null)), OPEN, WAITING_ON_CUSTOMER, T2);
            assertThat(plan.changes()).isFalse();
        }
    }

    @Nested
    class Stopping {
        @Test
        void resolvingStops() {
            var plan = plan(counting(), OPEN, RESOLVED, T1);
            assertThat(plan.steps()).containsExactly(new Step.Stop(T1));
            assertThat(plan.after().stoppedAt()).isEqualTo(T1);
        }

        @Test
        void resolvingWhileWaitingClosesThePauseFirst() {
            var plan = plan(counting(new Pause(T1, null)), WAITING_ON_CUSTOMER, RESOLVED, T2);
            assertThat(plan.steps()).containsExactly(new Step.ClosePause(T2), new Step.Stop(T2));
        }

        @Test
        void closingAResolvedTicketChangesNothing() {
            var resolved = new ClockFacts(START, SlaTarget.hours(24), List.of(), T1);
            assertThat(plan(resolved, RESOLVED, CLOSED, T2).changes()).isFalse();
        }

        @Test
        void reopeningTurnsTheStoppedTimeIntoAPause() {
            var resolved = new ClockFacts(START, SlaTarget.hours(24), List.of(), T1);
            var plan = plan(resolved, RESOLVED, OPEN, T2);
            assertThat(plan.steps()).containsExactly(new Step.Unstop(T1, T2, "RESOLVED"));
            assertThat(plan.after()).isEqualTo(counting(new Pause(T1, T2)));
        }

        @Test
        void reopeningStraightIntoWaitingPausesAgain() {
            var closed = new ClockFacts(START, SlaTarget.hours(24), List.of(), T1);
            var plan = plan(closed, CLOSED, WAITING_ON_CUSTOMER, T2);
            assertThat(plan.steps()).containsExactly(new Step.Unstop(T1, T2, "CLOSED"), new Step.OpenPause(T2, "WAITING_ON_CUSTOMER"));
            assertThat(plan.after().isPaused()).isTrue();
        }

        @Test
        void anEventDatedBeforeTheStopCannotMakeANegativePause() {
            var resolved = new ClockFacts(START, SlaTarget.hours(24), List.of(), T2);
            var plan = plan(resolved, RESOLVED, OPEN, T1);
            assertThat(plan.after().pauses()).containsExactly(new Pause(T2, T2));
        }
    }
}
