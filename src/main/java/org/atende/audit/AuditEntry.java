package org.atende.audit;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** One line of the audit log, as it was appended. */
public record AuditEntry(long id, Instant at, @Nullable Long actorUserId, String actor, AuditKind kind, AuditAction action,
        String subjectId, String subject, Map<String, FieldChange> changes, @Nullable String requestId) {
}
