package org.atende.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.atende.tickets.Priority;
import org.atende.tickets.TicketStatus;
import org.junit.jupiter.api.Test;

/** The named rules a policy keeps. */
class PolicyRulesUnitTests {

    static Map<Priority, SlaPolicyDraft.Targets> everyPriority(SlaPolicyDraft.Target first, SlaPolicyDraft.Target resolution) {
        Map<Priority, SlaPolicyDraft.Targets> targets = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            targets.put(p, new SlaPolicyDraft.Targets(first, resolution));
        }
        return targets;
    }

    static Outcome<SlaPolicy> check(SlaPolicyDraft draft) {
        return PolicyRules.check(0, draft, name -> false, id -> true);
    }

    static final SlaPolicyDraft.Target FOUR_HOURS = new SlaPolicyDraft.Target(4, TargetUnit.HOURS);

    @Test
    void fillsInTheWarningShareAndPausingStatusesLeftOut() {
        var outcome = check(new SlaPolicyDraft("Basic", null, null, null, everyPriority(FOUR_HOURS, FOUR_HOURS)));

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Saved.class, saved -> {
            SlaPolicy policy = (SlaPolicy) saved.value();
            assertThat(policy.warningPercent()).isEqualTo(75);
            assertThat(policy.pausingStatuses()).containsExactly(TicketStatus.WAITING_ON_CUSTOMER);
            assertThat(policy.target(Priority.LOW, ClockKind.RESOLUTION)).isEqualTo(SlaTarget.hours(4));
        });
    }

    @Test
    void refusesTargetsWithoutAUnitOrBeyondAYear() {
        var outcome = check(new SlaPolicyDraft("Basic", 75, null, null,
                everyPriority(new SlaPolicyDraft.Target(4, null), new SlaPolicyDraft.Target(366, TargetUnit.DAYS))));

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Rejected.class, rejected -> assertThat(rejected.problems())
                .contains("targets.URGENT.firstResponse.unit is required: HOURS or DAYS",
                        "targets.URGENT.resolution.amount must be at most 365 days: 366")
                .hasSize(8));
    }

    @Test
    void refusesAPolicyWithoutTargets() {
        assertThat(check(new SlaPolicyDraft("Basic", 75, null, null, null)))
                .isInstanceOfSatisfying(Outcome.Rejected.class, r -> assertThat(r.problems()).hasSize(4));
    }

    @Test
    void refusesClosedAsAPausingStatus() {
        var outcome = check(new SlaPolicyDraft("Basic", 75, java.util.Set.of(TicketStatus.CLOSED), null,
                everyPriority(FOUR_HOURS, FOUR_HOURS)));
        assertThat(outcome).isEqualTo(new Outcome.Rejected<SlaPolicy>(
                List.of("pausingStatuses cannot include CLOSED: it stops the resolution clock")));
    }

    @Test
    void refusesANameLongerThanTheColumn() {
        var outcome = check(new SlaPolicyDraft("x".repeat(121), 75, null, null, everyPriority(FOUR_HOURS, FOUR_HOURS)));
        assertThat(outcome).isEqualTo(new Outcome.Rejected<SlaPolicy>(List.of("name must be at most 120 characters")));
    }
}
