package org.atende.identity.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Deletes expired sessions every minute on the application's scheduler, instead of Spring Session's own
 * ({@code spring.session.jdbc.cleanup-cron=-}): that scheduler is not paused while the database is away and
 * would log a stack trace every minute of an outage.
 */
@Component
@ConditionalOnBean(JdbcIndexedSessionRepository.class)
class SessionCleanup {

    private final JdbcIndexedSessionRepository sessions;

    SessionCleanup(JdbcIndexedSessionRepository sessions) {
        this.sessions = sessions;
    }

    @Scheduled(cron = "${atende.session.cleanup-cron:0 * * * * *}")
    void deleteExpired() {
        sessions.cleanUpExpiredSessions();
    }
}
