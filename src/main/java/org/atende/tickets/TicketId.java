package org.atende.tickets;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a ticket internally; people use its {@code number} (#1042). */
public record TicketId(@JsonValue long value) {

    /** In JSON an id is its number, read and written as one. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public TicketId {
    }

    /** The form ids had in JSON before, {@code {"value": 7}}, still read (events the registry stored then). */
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    private static TicketId of(@JsonProperty("value") long value) {
        return new TicketId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
