package org.atende.techservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atende.techservice.QuoteState.ACCEPTED;
import static org.atende.techservice.QuoteState.DONE;
import static org.atende.techservice.QuoteState.DRAFT;
import static org.atende.techservice.QuoteState.EXPIRED;
import static org.atende.techservice.QuoteState.INVOICED;
import static org.atende.techservice.QuoteState.REJECTED;
import static org.atende.techservice.QuoteState.SENT;
import static org.atende.techservice.QuoteState.SUPERSEDED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class QuoteTransitionsUnitTests {

    /** The whole table, written out once more by hand: anything not here is refused. */
    static final Map<QuoteState, Set<QuoteState>> EXPECTED = Map.of(
            DRAFT, EnumSet.of(SENT, SUPERSEDED),
            SENT, EnumSet.of(ACCEPTED, REJECTED, EXPIRED, SUPERSEDED),
            ACCEPTED, EnumSet.of(DONE),
            DONE, EnumSet.of(INVOICED),
            REJECTED, EnumSet.noneOf(QuoteState.class),
            EXPIRED, EnumSet.noneOf(QuoteState.class),
            SUPERSEDED, EnumSet.noneOf(QuoteState.class),
            INVOICED, EnumSet.noneOf(QuoteState.class));

    @ParameterizedTest
    @EnumSource(QuoteState.class)
    void allowsExactlyTheTablesMovesFromEachState(QuoteState from) {
        assertThat(QuoteTransitions.from(from)).containsExactlyInAnyOrderElementsOf(EXPECTED.get(from));
        for (QuoteState to : QuoteState.values()) {
            assertThat(QuoteTransitions.allows(from, to)).as(from + " -> " + to).isEqualTo(EXPECTED.get(from).contains(to));
        }
    }

    @Test
    void workIsDoneOnlyAfterAcceptance() {
        assertThat(EnumSet.allOf(QuoteState.class)).filteredOn(s -> QuoteTransitions.allows(s, DONE)).containsExactly(ACCEPTED);
    }

    @Test
    void anAcceptedQuoteIsNeverSupersededNorExpired() {
        assertThat(QuoteTransitions.allows(ACCEPTED, SUPERSEDED)).isFalse();
        assertThat(QuoteTransitions.allows(ACCEPTED, EXPIRED)).isFalse();
    }

    @Test
    void nothingReturnsToDraftAndFinalStatesStayFinal() {
        assertThat(EnumSet.allOf(QuoteState.class)).noneMatch(s -> QuoteTransitions.allows(s, DRAFT));
        assertThat(EnumSet.of(REJECTED, EXPIRED, SUPERSEDED, INVOICED)).allMatch(s -> QuoteTransitions.from(s).isEmpty());
    }

    @Test
    void onlyOpenQuotesAreReplacedByARevision() {
        assertThat(EnumSet.allOf(QuoteState.class)).filteredOn(QuoteState::isOpen).containsExactly(DRAFT, SENT);
        assertThat(EnumSet.allOf(QuoteState.class)).filteredOn(s -> QuoteTransitions.allows(s, SUPERSEDED))
                .containsExactly(DRAFT, SENT);
    }

    @Test
    void theTableRefusesWithTheProblemThatListsWhatIsAllowed() {
        QuoteProblem p = QuoteProblem.illegalTransition(new QuoteId(7), ACCEPTED, SUPERSEDED, QuoteTransitions.from(ACCEPTED));
        assertThat(p.getStatusCode().value()).isEqualTo(409);
        assertThat(p.getBody().getType().toString()).isEqualTo("https://atende.example/problems/illegal-quote-transition");
        assertThat(p.getBody().getProperties()).containsEntry("from", "ACCEPTED").containsEntry("to", "SUPERSEDED")
                .containsEntry("allowed", java.util.List.of("DONE")).containsEntry("quoteId", 7L);
    }
}
