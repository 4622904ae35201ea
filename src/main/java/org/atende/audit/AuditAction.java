package org.atende.audit;

/** What was done to the subject. */
public enum AuditAction {
    CREATED, CHANGED, DELETED, ISSUED, REVOKED, ERASED, EXPORTED
}
