package org.atende.identity.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * The sessions the pages use, written back only when something in them changed. The session filter moves a session's
 * last access to now on every request, and the JDBC store then writes the session's row again at the end of every
 * page, every htmx poll and every form sent: one more transaction per request. Here a move of the last access smaller
 * than {@code atende.session.touch-resolution} (a minute by default) is not made, so a session being used is written
 * at most about once a minute, besides its attribute changes. The price: a session may expire up to that long before
 * its timeout after its last request (eight hours by default).
 * <p>
 * A page that answers with a redirect (every form sent) has its session committed twice, when the redirect commits the
 * response and again as the filter ends, and the second time the filter looks the session up once more by its id: a
 * second read of the session's rows in a transaction of its own. Here that lookup answers with the session the same
 * request has just saved, as the store would have.
 */
class SessionTouches implements SessionRepository<SessionTouches.Touched> {

    private final SessionRepository<Session> sessions;
    private final Duration resolution;
    /** The session saved by the request this thread is serving; forgotten when the session filter ends. */
    private final ThreadLocal<@Nullable Touched> savedHere = new ThreadLocal<>();

    @SuppressWarnings({"unchecked", "rawtypes"}) // the store's session class is its own; every session saved here came from it
    SessionTouches(JdbcIndexedSessionRepository sessions, Duration resolution) {
        this((SessionRepository) sessions, resolution);
    }

    SessionTouches(SessionRepository<Session> sessions, Duration resolution) {
        this.sessions = sessions;
        this.resolution = resolution;
    }

    /**
     * Spring Session's own store stays the session repository bean (those who look sessions up by user use it); its
     * filter is made again over this wrapper, with the same cookie.
     */
    @Configuration(proxyBeanMethods = false)
    static class Wiring {

        @Bean
        static BeanPostProcessor sessionTouchesFilter(ObjectProvider<JdbcIndexedSessionRepository> store,
                ObjectProvider<CookieSerializer> cookies, ObjectProvider<HttpSessionIdResolver> resolvers,
                @Value("${atende.session.touch-resolution:PT1M}") Duration resolution) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof SessionRepositoryFilter<?>)) {
                        return bean;
                    }
                    SessionRepositoryFilter<Touched> filter = new Filter(new SessionTouches(store.getObject(), resolution));
                    HttpSessionIdResolver resolver = resolvers.getIfAvailable(() -> {
                        CookieHttpSessionIdResolver byCookie = new CookieHttpSessionIdResolver();
                        cookies.ifAvailable(byCookie::setCookieSerializer);
                        return byCookie;
                    });
                    filter.setHttpSessionIdResolver(resolver);
                    return filter;
                }
            };
        }
    }

    @Override
    public Touched createSession() {
        return new Touched(sessions.createSession(), resolution);
    }

    /** Spring Session's filter over this store, forgetting at its end the session the request saved. */
    static final class Filter extends SessionRepositoryFilter<Touched> {

        private final SessionTouches touches;

        Filter(SessionTouches touches) {
            super(touches);
            this.touches = touches;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                super.doFilterInternal(request, response, chain);
            } finally {
                touches.savedHere.remove();
            }
        }
    }

    @Override
    public void save(Touched session) {
        sessions.save(session.stored);
        savedHere.set(session);
    }

    @Override
    public @Nullable Touched findById(String id) {
        Touched saved = savedHere.get();
        if (saved != null && saved.getId().equals(id)) { // the request's second commit: the session as it just saved it
            return saved;
        }
        Session found = sessions.findById(id);
        return found == null ? null : new Touched(found, resolution);
    }

    @Override
    public void deleteById(String id) {
        savedHere.remove();
        sessions.deleteById(id);
    }

    /** A stored session whose last access moves only by at least the resolution. */
    static final class Touched implements Session {

        private final Session stored;
        private final Duration resolution;

        Touched(Session stored, Duration resolution) {
            this.stored = stored;
            this.resolution = resolution;
        }

        @Override
        public void setLastAccessedTime(Instant at) {
            Instant last = stored.getLastAccessedTime();
            if (at.isBefore(last) || Duration.between(last, at).compareTo(resolution) >= 0) {
                stored.setLastAccessedTime(at);
            }
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> @Nullable T getAttribute(String name) {
            return stored.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            stored.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            stored.removeAttribute(name);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
