package org.atende.sla;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.function.Predicate;

import org.atende.tickets.Priority;
import org.atende.tickets.TicketStatus;
import org.jspecify.annotations.Nullable;

/**
 * The rules a policy must keep, each a named check: a name, a warning share between 1 and 99 %, no
 * stopping status among the pausing ones, an existing calendar, and positive targets for all four
 * priorities. Collects every problem rather than stopping at the first.
 */
final class PolicyRules {

    static final int DEFAULT_WARNING_PERCENT = 75;
    static final int MAX_NAME = 120;
    static final int MAX_HOURS = 8760;
    static final int MAX_DAYS = 365;
    private static final Set<TicketStatus> STOPPING = EnumSet.of(TicketStatus.RESOLVED, TicketStatus.CLOSED);

    private PolicyRules() {
    }

    /** A valid draft as a policy with {@code id} (0 for a new one), or every problem found. */
    static Outcome<SlaPolicy> check(long id, SlaPolicyDraft draft, Predicate<String> nameTaken, LongPredicate calendarExists) {
        List<String> problems = new ArrayList<>();
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty()) {
            problems.add("name is required");
        } else if (name.length() > MAX_NAME) {
            problems.add("name must be at most " + MAX_NAME + " characters");
        } else if (nameTaken.test(name)) {
            problems.add("a policy named '" + name + "' exists already");
        }
        int warning = draft.warningPercent() == null ? DEFAULT_WARNING_PERCENT : draft.warningPercent();
        if (warning < 1 || warning > 99) {
            problems.add("warningPercent must be between 1 and 99: " + warning);
        }
        Set<TicketStatus> pausing = draft.pausingStatuses() == null ? SlaPolicy.DEFAULT_PAUSING : draft.pausingStatuses();
        pausing.stream().filter(STOPPING::contains).forEach(s ->
                problems.add("pausingStatuses cannot include " + s + ": it stops the resolution clock"));
        Long calendar = draft.calendarId();
        if (calendar != null && !calendarExists.test(calendar)) {
            problems.add("calendar " + calendar + " does not exist");
        }
        Map<Priority, PriorityTargets> targets = targets(draft.targets(), problems);
        return problems.isEmpty()
                ? new Outcome.Saved<>(new SlaPolicy(id, name, warning, pausing, calendar, targets))
                : new Outcome.Rejected<>(problems);
    }

    private static Map<Priority, PriorityTargets> targets(@Nullable Map<Priority, SlaPolicyDraft.Targets> drafts,
            List<String> problems) {
        Map<Priority, PriorityTargets> targets = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            SlaPolicyDraft.Targets t = drafts == null ? null : drafts.get(p);
            if (t == null) {
                problems.add("targets." + p + " is missing: every priority needs a first response and a resolution target");
                continue;
            }
            SlaTarget first = target(t.firstResponse(), "targets." + p + ".firstResponse", problems);
            SlaTarget resolution = target(t.resolution(), "targets." + p + ".resolution", problems);
            if (first != null && resolution != null) {
                targets.put(p, new PriorityTargets(first, resolution));
            }
        }
        return targets;
    }

    private static @Nullable SlaTarget target(SlaPolicyDraft.@Nullable Target t, String field, List<String> problems) {
        if (t == null) {
            problems.add(field + " is missing");
            return null;
        }
        int before = problems.size();
        if (t.unit() == null) {
            problems.add(field + ".unit is required: HOURS or DAYS");
        }
        if (t.amount() == null || t.amount() <= 0) {
            problems.add(field + ".amount must be a positive whole number: " + t.amount());
        } else if (t.unit() != null && t.amount() > (t.unit() == TargetUnit.HOURS ? MAX_HOURS : MAX_DAYS)) {
            problems.add(field + ".amount must be at most " + (t.unit() == TargetUnit.HOURS ? MAX_HOURS + " hours" : MAX_DAYS + " days")
                    + ": " + t.amount());
        }
        return problems.size() > before ? null : new SlaTarget(t.amount(), t.unit());
    }
}
