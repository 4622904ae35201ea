package org.atende.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a team of agents (first line, second line, engineering). */
public record TeamId(@JsonValue long value) {

    /** In JSON an id is its number, read and written as one. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public TeamId {
    }

    /** The form ids had in JSON before, {@code {"value": 7}}, still read (events the registry stored then). */
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    private static TeamId of(@JsonProperty("value") long value) {
        return new TeamId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
