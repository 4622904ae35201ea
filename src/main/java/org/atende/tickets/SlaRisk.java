package org.atende.tickets;

/**
 * A ticket list's SLA filter, read from the ticket's earliest running due time: {@code BREACHED} when it
 * has passed, {@code AT_RISK} when it comes within {@link #AT_RISK_WITHIN} (and has not passed), {@code SOON}
 * either (the desk's "breaching soon").
 */
public enum SlaRisk {
    BREACHED, AT_RISK, SOON;

    public static final java.time.Duration AT_RISK_WITHIN = java.time.Duration.ofHours(2);
}
