package org.atende.operations;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The fields every log line carries when they are known: the request's id ({@value #REQUEST_ID}, from
 * {@code X-Request-Id} or made up, echoed in the response) and the ticket it is about ({@value #TICKET},
 * {@code #1042}). Both live in the logging MDC, so the plain pattern and the structured formats (ECS,
 * Logstash) show them on every line; the request filter clears them when the request ends.
 */
public final class LogFields {

    public static final String REQUEST_ID = "requestId";
    public static final String TICKET = "ticket";

    private LogFields() {
    }

    /**
     * The ticket the current web request is about, for the rest of the request (the request filter, which
     * gave the request its id, clears both). Outside a request it does nothing: background work names its
     * ticket with {@link #aboutTicket}, so that a pooled thread never carries a ticket into its next work.
     */
    public static void ticketOfRequest(long number) {
        if (MDC.get(REQUEST_ID) != null) {
            MDC.put(TICKET, "#" + number);
        }
    }

    /**
     * The ticket for a piece of background work (one clock of a sweep, one outgoing message): closing it
     * puts back what was there before.
     */
    public static Scope aboutTicket(long number) {
        String before = MDC.get(TICKET);
        MDC.put(TICKET, "#" + number);
        return () -> restore(TICKET, before);
    }

    /** The request id of this thread's request, if any. */
    public static @Nullable String requestId() {
        return MDC.get(REQUEST_ID);
    }

    private static void restore(String key, @Nullable String before) {
        if (before == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, before);
        }
    }

    /** A log field set for a while; closing it never throws. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
