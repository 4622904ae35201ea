package org.atende.sla;

/** The targets of one priority: until the first response, and until resolution. */
public record PriorityTargets(SlaTarget firstResponse, SlaTarget resolution) {

    public SlaTarget of(ClockKind kind) {
        return kind == ClockKind.FIRST_RESPONSE ? firstResponse : resolution;
    }
}
