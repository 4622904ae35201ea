package org.atende.calendar;

/** A calendar definition that cannot describe business time; the message names the problem. */
public class InvalidCalendarException extends IllegalArgumentException {
    public InvalidCalendarException(String message) {
        super(message);
    }
}
