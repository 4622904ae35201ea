package org.atende.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;

class SessionTouchesUnitTests {

    private static final Instant LAST = Instant.parse("2026-12-07T10:00:00Z");

    private final MapSession stored = new MapSession();
    private final SessionTouches.Touched session = new SessionTouches.Touched(stored, Duration.ofMinutes(1));

    SessionTouchesUnitTests() {
        stored.setLastAccessedTime(LAST);
    }

    @Test
    void keepsTheLastAccessWhenItWouldMoveLessThanTheResolution() {
        session.setLastAccessedTime(LAST.plusSeconds(59));
        assertThat(stored.getLastAccessedTime()).isEqualTo(LAST);
    }

    @Test
    void movesTheLastAccessByTheResolutionOrMore() {
        session.setLastAccessedTime(LAST.plusSeconds(60));
        assertThat(stored.getLastAccessedTime()).isEqualTo(LAST.plusSeconds(60));
    }

    @Test
    void takesAnEarlierLastAccessAsGiven() {
        session.setLastAccessedTime(LAST.minusSeconds(5));
        assertThat(stored.getLastAccessedTime()).isEqualTo(LAST.minusSeconds(5));
    }

    @Test
    void passesAttributesThroughToTheStoredSession() {
        session.setAttribute("a", "b");
        assertThat((String) stored.getAttribute("a")).isEqualTo("b");
        session.removeAttribute("a");
        assertThat(stored.getAttributeNames()).isEmpty();
    }
}
