package org.atende.sla;

/** Where a clock stands: counting, paused, stopped within its target, or past it. */
public enum ClockState {
    RUNNING, PAUSED, MET, BREACHED
}
