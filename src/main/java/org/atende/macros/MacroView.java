package org.atende.macros;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A macro as others see it: {@code ownerId} for a personal one, {@code teamId} for a team's; {@code useCount}
 * how often it was applied; {@code version} rises with each change (what an edit made on this reading expects).
 */
public record MacroView(long id, String name, MacroScope scope, @Nullable Long ownerId, @Nullable Long teamId,
        MacroTexts texts, MacroActions actions, long useCount, Instant createdAt, Instant updatedAt, int version) {

    public MacroId macroId() {
        return new MacroId(id);
    }
}
