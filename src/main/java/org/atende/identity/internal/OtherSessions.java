package org.atende.identity.internal;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends a person's signed-in sessions when their password changes: whoever knew the old password (or kept a
 * stolen session cookie) is out at once, on every instance, since sessions live in the database. Sessions are
 * found by the principal name Spring Session indexes, the e-mail the person signed in with. API tokens are not
 * touched: the account page lists them after a change, to be revoked there.
 */
@Component
class OtherSessions {

    private static final Logger log = LoggerFactory.getLogger(OtherSessions.class);

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository;

    OtherSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository) {
        this.repository = repository;
    }

    /** Deletes every session of {@code email} but {@code keep} (the one that made the change, if any). */
    int endAll(String email, @Nullable String keep) {
        FindByIndexNameSessionRepository<? extends Session> sessions = repository.getIfAvailable();
        if (sessions == null) {
            return 0;
        }
        Map<String, ? extends Session> found = sessions.findByPrincipalName(email);
        int ended = 0;
        for (String id : found.keySet()) {
            if (!id.equals(keep)) {
                sessions.deleteById(id);
                ended++;
            }
        }
        if (ended > 0) {
            log.info("Password of {} changed: {} other session(s) ended", email, ended);
        }
        return ended;
    }
}
