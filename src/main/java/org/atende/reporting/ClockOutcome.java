package org.atende.reporting;

/** How a ticket's clock ended, or that it has not yet: a clock past its due time is BREACHED even while it runs. */
public enum ClockOutcome {
    OPEN, MET, BREACHED
}
