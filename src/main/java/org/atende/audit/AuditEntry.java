package org.atende.audit;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** One line of the audit log, as it was appended. */
public record AuditEntry(long id, Instant at, @Nullable Long actorUserId, String actor, AuditKind kind, AuditAction action,
        String subjectId, String subject, Map<String, FieldChange> changes, @Nullable String requestId) {

    /** The English words a subject starts with to name its kind ("Plan Essencial"), longest first. */
    private static final java.util.List<String> KIND_WORDS = java.util.List.of("Customer user ", "Escalation rule ", "Routing rule ", "Organisation ",
            "Calendar ", "Policy ", "Plan ", "Token ", "User ", "Contact ");

    /**
     * What the entry is about, without the English word for its kind the subject starts with: a page shows the
     * kind in the reader's language beside it.
     */
    public String name() {
        for (String word : KIND_WORDS) {
            if (subject.startsWith(word) && subject.length() > word.length()) {
                return subject.substring(word.length()).replace(") of user #", ") · #");
            }
        }
        return subject;
    }

    /** Who made the change, as {@link #name} words it: a customer's account is its number ("#9"). */
    public String actorName() {
        return actor.startsWith("Customer user ") ? actor.substring("Customer user ".length()) : actor;
    }
}
