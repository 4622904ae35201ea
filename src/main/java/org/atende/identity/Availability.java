package org.atende.identity;

/** Whether a staff member takes newly routed tickets now: routing gives tickets only to those AVAILABLE. */
public enum Availability {
    AVAILABLE, AWAY
}
