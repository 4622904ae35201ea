package org.atende.macros;

import java.util.List;

/** The answer to saving a macro: saved, or refused with every problem found. */
public sealed interface MacroOutcome {

    record Saved(MacroView macro) implements MacroOutcome {
    }

    record Rejected(List<MacroProblem> problems) implements MacroOutcome {

        public Rejected {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a rejection names at least one problem");
            }
        }

        /** The unknown placeholders named, each once, as written ({@code {{contact.age}}}). */
        public List<String> unknownPlaceholders() {
            return problems.stream().filter(p -> p.code().equals(MacroTemplate.UNKNOWN)).map(p -> p.args().getFirst())
                    .distinct().toList();
        }
    }
}
