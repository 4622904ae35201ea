package org.atende.routing.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.atende.identity.AgentProfile;
import org.atende.identity.UserId;
import org.jspecify.annotations.Nullable;

/**
 * Picks one of a team's candidates. Candidates are taken in turn from the one after the team's last pick (by user id,
 * wrapping round): round robin takes the first; least open work the one with the least weighted work, the turn order
 * breaking ties, so equal loads are shared in turn too.
 */
final class AgentChooser {

    private AgentChooser() {
    }

    /** {@code loads} null: round robin; else each candidate's weighted open work. */
    static Optional<AgentProfile> pick(List<AgentProfile> candidates, @Nullable Long lastPicked, @Nullable Map<UserId, Integer> loads) {
        List<AgentProfile> turn = inTurn(candidates, lastPicked);
        if (loads == null) {
            return turn.stream().findFirst();
        }
        return turn.stream().min(Comparator.comparingInt(a -> loads.getOrDefault(a.id(), 0))); // min keeps the first of equals
    }

    static List<AgentProfile> inTurn(List<AgentProfile> candidates, @Nullable Long lastPicked) {
        List<AgentProfile> sorted = candidates.stream().sorted(Comparator.comparingLong(a -> a.id().value())).toList();
        long last = lastPicked == null ? Long.MIN_VALUE : lastPicked;
        List<AgentProfile> turn = new ArrayList<>(sorted.stream().filter(a -> a.id().value() > last).toList());
        turn.addAll(sorted.stream().filter(a -> a.id().value() <= last).toList());
        return turn;
    }
}
