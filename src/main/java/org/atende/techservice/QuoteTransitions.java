package org.atende.techservice;

import static org.atende.techservice.QuoteState.ACCEPTED;
import static org.atende.techservice.QuoteState.DONE;
import static org.atende.techservice.QuoteState.DRAFT;
import static org.atende.techservice.QuoteState.EXPIRED;
import static org.atende.techservice.QuoteState.INVOICED;
import static org.atende.techservice.QuoteState.REJECTED;
import static org.atende.techservice.QuoteState.SENT;
import static org.atende.techservice.QuoteState.SUPERSEDED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which state may follow which. Work starts only after the customer accepts, so DONE follows ACCEPTED
 * alone; an accepted quote is never superseded; rejected, expired, superseded and invoiced are final.
 */
final class QuoteTransitions {

    private static final Map<QuoteState, Set<QuoteState>> ALLOWED = new EnumMap<>(Map.of(
            DRAFT, EnumSet.of(SENT, SUPERSEDED),
            SENT, EnumSet.of(ACCEPTED, REJECTED, EXPIRED, SUPERSEDED),
            ACCEPTED, EnumSet.of(DONE),
            DONE, EnumSet.of(INVOICED),
            REJECTED, EnumSet.noneOf(QuoteState.class),
            EXPIRED, EnumSet.noneOf(QuoteState.class),
            SUPERSEDED, EnumSet.noneOf(QuoteState.class),
            INVOICED, EnumSet.noneOf(QuoteState.class)));

    private QuoteTransitions() {
    }

    static Set<QuoteState> from(QuoteState state) {
        return Set.copyOf(ALLOWED.get(state));
    }

    static boolean allows(QuoteState from, QuoteState to) {
        return ALLOWED.get(from).contains(to);
    }
}
