package org.atende.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a user who signs in. */
public record UserId(@JsonValue long value) {

    /** In JSON an id is its number, read and written as one. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public UserId {
    }

    /** The form ids had in JSON before, {@code {"value": 7}}, still read (events the registry stored then). */
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    private static UserId of(@JsonProperty("value") long value) {
        return new UserId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
