package org.atende.customers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a Support &amp; Success plan. */
public record PlanId(@JsonValue long value) {

    /** In JSON an id is its number, read and written as one. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PlanId {
    }

    /** The form ids had in JSON before, {@code {"value": 7}}, still read (events the registry stored then). */
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    private static PlanId of(@JsonProperty("value") long value) {
        return new PlanId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
