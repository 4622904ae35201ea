package org.atende.sla;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A period in which a clock does not count; {@code to} is null while it lasts. */
public record Pause(Instant from, @Nullable Instant to) {

    public Pause {
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("a pause cannot end (" + to + ") before it starts (" + from + ")");
        }
    }

    public boolean isOpen() {
        return to == null;
    }
}
