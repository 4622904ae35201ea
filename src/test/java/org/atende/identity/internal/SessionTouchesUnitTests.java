package org.atende.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

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

    /** A store that counts its lookups by id. */
    private static final class CountingStore implements SessionRepository<Session> {

        final MapSessionRepository map = new MapSessionRepository(new ConcurrentHashMap<>());
        final AtomicInteger lookups = new AtomicInteger();

        @Override
        public Session createSession() {
            return map.createSession();
        }

        @Override
        public void save(Session session) {
            map.save((MapSession) session);
        }

        @Override
        public Session findById(String id) {
            lookups.incrementAndGet();
            return map.findById(id);
        }

        @Override
        public void deleteById(String id) {
            map.deleteById(id);
        }
    }

    private static MockHttpServletRequest withSession(String id) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/portal/tickets");
        request.setCookies(new Cookie("SESSION", Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.UTF_8))));
        return request;
    }

    @Test
    void aFormAnsweredWithARedirectLooksItsSessionUpOnceThoughTheFilterCommitsItTwice() throws Exception {
        CountingStore store = new CountingStore();
        MapSession existing = store.map.createSession();
        store.map.save(existing);
        SessionTouches.Filter filter = new SessionTouches.Filter(new SessionTouches(store, Duration.ofMinutes(1)));
        FilterChain form = (request, response) -> {
            ((jakarta.servlet.http.HttpServletRequest) request).getSession().setAttribute("seen", "yes");
            ((HttpServletResponse) response).sendRedirect("/portal/tickets/7"); // commits the response: the first commit
        };

        filter.doFilter(withSession(existing.getId()), new MockHttpServletResponse(), form);
        assertThat(store.lookups).as("one lookup for the request, none for its second commit").hasValue(1);
        assertThat((String) store.map.findById(existing.getId()).getAttribute("seen")).isEqualTo("yes");

        store.lookups.set(0);
        filter.doFilter(withSession(existing.getId()), new MockHttpServletResponse(), form);
        assertThat(store.lookups).as("the next request reads the store again").hasValue(1);
    }
}
