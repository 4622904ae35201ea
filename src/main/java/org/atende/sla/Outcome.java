package org.atende.sla;

import java.util.List;

/** The answer to a change an admin asked for: saved, or refused with every problem found, each named. */
public sealed interface Outcome<T> {

    record Saved<T>(T value) implements Outcome<T> {
    }

    record Rejected<T>(List<String> problems) implements Outcome<T> {
        public Rejected {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a rejection names at least one problem");
            }
        }
    }
}
