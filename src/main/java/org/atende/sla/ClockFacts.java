package org.atende.sla;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** What a clock is made of: when it started, its target, its pauses, and when it stopped, if it did. */
public record ClockFacts(Instant start, SlaTarget target, List<Pause> pauses, @Nullable Instant stoppedAt) {

    public ClockFacts {
        pauses = List.copyOf(pauses);
    }

    public boolean isPaused() {
        return stoppedAt == null && !pauses.isEmpty() && pauses.getLast().isOpen();
    }
}
