package org.atende.calendar;

/** An instant, or the result of an operation, outside the years the engine covers. */
public class BusinessTimeRangeException extends IllegalArgumentException {
    public BusinessTimeRangeException(String message) {
        super(message);
    }
}
