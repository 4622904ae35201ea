package org.atende.audit;

import org.jspecify.annotations.Nullable;

/** Who made a change: a user (id and name), or the desk itself ({@link #SYSTEM}: start-up, a sweep). */
public record Auditor(@Nullable Long userId, String name) {

    public static final Auditor SYSTEM = new Auditor(null, "system");
}
