package org.atende.techservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.atende.support.Api.Answer;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * A sent quote is valid through the end of its last day in Lisbon and expired from the next instant:
 * by the sweep, or at the moment a customer tries to accept it too late. (The database is shared with
 * the other quote tests, so passes are checked by what happened to this test's quotes.)
 */
class QuoteExpiryIntegrationTests extends QuoteApiSupport {

    List<JsonNode> expiries() {
        return quoteTimeline(ticket).stream().filter(e -> e.path("kind").asString().equals("QUOTE_EXPIRED")).toList();
    }

    @Test
    void isValidThroughTheLastSecondOfItsDayInLisbonSummerTime() {
        long id = sent(); // valid until 2026-07-31: 23:59:59 in Lisbon is 22:59:59Z

        CLOCK.set("2026-07-31T22:59:59Z");
        expiry.runOnce();
        assertThat(state(id)).isEqualTo("SENT");

        CLOCK.set("2026-07-31T23:00:00Z");
        expiry.runOnce();
        JsonNode expired = ok(get(id, ana));
        assertThat(expired.path("state").asString()).isEqualTo("EXPIRED");
        assertThat(expired.path("expiredAt").asString()).isEqualTo("2026-07-31T23:00:00Z");

        CLOCK.set("2026-08-01T09:00:00Z");
        expiry.runOnce();
        assertThat(expiries()).singleElement().satisfies(e -> {
            assertThat(e.path("actor").asString()).isEqualTo("system");
            assertThat(e.path("actorUserId").isNull()).isTrue();
            assertThat(e.path("before").asString()).isEqualTo("SENT");
            assertThat(e.path("after").asString()).isEqualTo("EXPIRED");
            assertThat(e.path("detail").asString()).isEqualTo("quote " + id + " revision 1: 480.00 EUR, 6.50 h, valid until "
                    + "2026-07-31; not accepted by the end of 2026-07-31 (2026-07-31T23:00:00Z)");
        });
        assertThat(published.of(id)).extracting(e -> e.getClass().getSimpleName()).containsExactly("QuoteSent", "QuoteExpired");
        assertThat(published.all(QuoteExpired.class)).filteredOn(e -> e.quoteId().value() == id).singleElement()
                .satisfies(e -> assertThat(e.validUntil()).hasToString("2026-07-31"));
    }

    @Test
    void isValidThroughTheLastSecondOfItsDayInLisbonWinterTime() {
        CLOCK.set("2026-12-01T10:00:00Z");
        Answer d = draft(ticket, terms("Carga de ficheiro de clientes", "3", 25_000, "2026-12-15"));
        assertThat(d.json().path("expiresAt").asString()).as("Lisbon is on UTC in winter").isEqualTo("2026-12-16T00:00:00Z");
        ok(step(d.id(), "send", agent));

        CLOCK.set("2026-12-15T23:59:59Z");
        expiry.runOnce();
        assertThat(state(d.id())).isEqualTo("SENT");
        CLOCK.set("2026-12-16T00:00:00Z");
        expiry.runOnce();
        assertThat(state(d.id())).isEqualTo("EXPIRED");
    }

    @Test
    void acceptingOnTheLastSecondIsInTime() {
        long id = sent();
        CLOCK.set("2026-07-31T22:59:59Z");
        assertThat(ok(step(id, "accept", ana)).path("state").asString()).isEqualTo("ACCEPTED");
        CLOCK.set("2026-08-01T12:00:00Z");
        expiry.runOnce();
        assertThat(state(id)).isEqualTo("ACCEPTED");
        assertThat(expiries()).isEmpty();
    }

    @Test
    void acceptingAfterTheValidityIsRefusedAndTheQuoteExpiresThere() {
        long id = sent();
        CLOCK.set("2026-07-31T23:00:00Z"); // the sweep has not run

        JsonNode refused = problem(step(id, "accept", ana), 409, "illegal-quote-transition");

        assertThat(refused.path("from").asString()).isEqualTo("EXPIRED");
        assertThat(refused.path("to").asString()).isEqualTo("ACCEPTED");
        assertThat(refused.path("allowed")).isEmpty();
        JsonNode q = ok(get(id, agent));
        assertThat(q.path("state").asString()).as("the expiry is kept").isEqualTo("EXPIRED");
        assertThat(q.path("acceptedAt").isNull()).isTrue();
        assertThat(expiries()).hasSize(1);
        assertThat(published.of(id)).extracting(e -> e.getClass().getSimpleName()).containsExactly("QuoteSent", "QuoteExpired");
        expiry.runOnce();
        assertThat(expiries()).as("expired once").hasSize(1);
    }

    @Test
    void rejectingAfterTheValidityFindsItExpiredToo() {
        long id = sent();
        CLOCK.set("2026-08-02T10:00:00Z");
        JsonNode refused = problem(step(id, "reject", ana, Map.of("reason", "tarde")), 409, "illegal-quote-transition");
        assertThat(refused.path("from").asString()).isEqualTo("EXPIRED");
        assertThat(state(id)).isEqualTo("EXPIRED");
    }

    @Test
    void aRevisionSentAfterTheValidityEndedExpiresTheOldQuoteInsteadOfSupersedingIt() {
        long old = sent();
        long revision = draft(ticket, terms("Restaurar faturas, revisto", "8", 60_000, "2026-08-14")).id();
        CLOCK.set("2026-08-03T10:00:00Z");

        ok(step(revision, "send", agent));

        assertThat(state(old)).isEqualTo("EXPIRED");
        assertThat(quoteTimelineKinds(ticket)).containsExactly("QUOTE_DRAFTED", "QUOTE_SENT", "QUOTE_DRAFTED", "QUOTE_SENT",
                "QUOTE_EXPIRED");
    }
}
