package org.atende.audit;

/** What an audit entry is about. */
public enum AuditKind {
    PLAN, ORGANISATION, SLA_POLICY, CALENDAR, ESCALATION_RULE, ROUTING_RULE, USER, API_TOKEN, CHANNEL_SETTING,
    /** A contact's personal data erased. */
    CONTACT,
    /** An organisation's data exported. */
    DATA_EXPORT
}
