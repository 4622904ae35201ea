package org.atende.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Locks an account after {@code maxFailures} wrong passwords in a row, for {@code lockout}; a success
 * starts the count again. Counted in the database in one statement, so that concurrent attempts on
 * several instances add up and none is lost. Only password sign-ins count (API tokens are not guessed).
 */
@Component
class SignInAttempts {

    private static final Logger log = LoggerFactory.getLogger(SignInAttempts.class);

    private final JdbcClient jdbc;
    private final SignInProperties properties;
    private final Clock clock;

    SignInAttempts(JdbcClient jdbc, SignInProperties properties, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken attempt)) {
            return;
        }
        recordFailure(attempt.getName());
    }

    /**
     * A wrong password for {@code email}, at sign-in or on the password change form (a stolen session must not
     * be a way to guess the password); true when the account is now locked.
     */
    boolean recordFailure(String login) {
        String email = login.strip().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        int locked = jdbc.sql("""
                UPDATE app_user
                SET locked_until = CASE WHEN failed_sign_ins + 1 >= :max THEN :until ELSE locked_until END,
                    failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= :max THEN 0 ELSE failed_sign_ins + 1 END
                WHERE email = :email""")
                .param("max", properties.maxFailures())
                .param("until", Timestamp.from(now.plus(properties.lockout())))
                .param("email", email)
                .update();
        if (locked > 0 && isLocked(email, now)) {
            log.warn("Sign-in for {} locked until {} after {} wrong passwords", email, now.plus(properties.lockout()),
                    properties.maxFailures());
            return true;
        }
        return false;
    }

    boolean isLocked(String email) {
        return isLocked(email.strip().toLowerCase(Locale.ROOT), clock.instant());
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SignedInUser user) {
            jdbc.sql("UPDATE app_user SET failed_sign_ins = 0, last_sign_in_at = ? WHERE id = ?")
                    .params(Timestamp.from(clock.instant()), user.userId())
                    .update();
        }
    }

    private boolean isLocked(String email, Instant now) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE email = ? AND locked_until > ?")
                .params(email, Timestamp.from(now)).query(Long.class).single() > 0;
    }
}
