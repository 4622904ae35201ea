package org.atende.sla;

/** The two clocks of a support ticket: until the first public agent reply, and until it is resolved. */
public enum ClockKind {
    FIRST_RESPONSE("First response"), RESOLUTION("Resolution");

    private final String label;

    ClockKind(String label) {
        this.label = label;
    }

    /** How people read it on a timeline ({@code "First response"}). */
    public String label() {
        return label;
    }
}
