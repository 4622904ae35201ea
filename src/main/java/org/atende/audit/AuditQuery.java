package org.atende.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Which entries to read: of one kind, by one user, in a period ({@code from} inclusive, {@code to}
 * exclusive); any of them may be left out.
 */
public record AuditQuery(@Nullable AuditKind kind, @Nullable Long actorUserId, @Nullable Instant from, @Nullable Instant to) {

    public static final AuditQuery ALL = new AuditQuery(null, null, null, null);
}
