package org.atende.sla;

/** How a service-level target is counted: business hours on the calendar, or business days. */
public enum TargetUnit {
    HOURS, DAYS
}
