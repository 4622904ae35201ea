package org.atende.web.desk;

import java.io.Serializable;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a bulk change did, in the agent's language, for the queue page it returns to (kept in the session
 * for that one page): the change, how many changed and were already so, and each refused ticket with why.
 * At most {@link #SHOWN} refusals are listed; {@link #notListed()} says how many more there were.
 */
public record BulkSummary(String title, long changed, long unchanged, long refusedCount, List<Refusal> refused,
        @Nullable Long mergedInto) implements Serializable {

    static final int SHOWN = 100;

    public BulkSummary {
        refused = List.copyOf(refused);
    }

    public long notListed() {
        return refusedCount - refused.size();
    }

    /** A refused ticket ({@code number} null: no such ticket) and the reason, already in the agent's language. */
    public record Refusal(@Nullable Long number, String reason) implements Serializable {
    }
}
