package org.atende.routing;

import java.util.List;

/** The answer to a change of routing: saved, or refused with every problem found. */
public sealed interface RoutingOutcome<T> {

    record Saved<T>(T value) implements RoutingOutcome<T> {
    }

    record Refused<T>(List<RuleProblem> problems) implements RoutingOutcome<T> {

        public Refused {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a refusal names at least one problem");
            }
        }
    }
}
