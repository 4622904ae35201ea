package org.atende.identity.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import org.atende.customers.Customers;
import org.atende.customers.Language;
import org.atende.identity.PasswordResetRequested;
import org.atende.identity.UserId;
import org.atende.identity.UserSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password resets by e-mail. A request never tells whether the address has an account; an active account
 * gets a link at most {@value #MAILS_PER_HOUR} times an hour. The link's token (32 random bytes) is kept
 * only as its SHA-256, works once, within {@link #VALID_FOR}; setting the password through it clears the
 * sign-in lockout (the mailbox is proven) and voids the account's other links.
 */
@Service
@Transactional
class PasswordResets {

    static final Duration VALID_FOR = Duration.ofHours(1);
    static final int MAILS_PER_HOUR = 3;
    private static final int TOKEN_LENGTH = 43;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

    private final JdbcClient jdbc;
    private final Users users;
    private final Customers customers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PasswordResets(JdbcClient jdbc, Users users, Customers customers, ApplicationEventPublisher events,
            ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.customers = customers;
        this.events = events;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** Sends a link if {@code email} is an active account's and its hourly limit allows; silent either way. */
    void request(String email) {
        Optional<UserSummary> found = users.findByEmail(email.strip().toLowerCase(Locale.ROOT)).filter(UserSummary::active);
        if (found.isEmpty()) {
            return;
        }
        UserSummary user = found.get();
        Instant now = clock.instant();
        int recent = jdbc.sql("SELECT COUNT(*) FROM password_reset WHERE user_id = ? AND requested_at > ?")
                .params(user.id().value(), Timestamp.from(now.minus(Duration.ofHours(1)))).query(Integer.class).single();
        if (recent >= MAILS_PER_HOUR) {
            log.info("Password reset for user {} not sent: {} links in the last hour", user.id(), recent);
            return;
        }
        String token = newToken();
        Instant expires = now.plus(VALID_FOR);
        jdbc.sql("INSERT INTO password_reset (user_id, token_hash, requested_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(user.id().value(), TokenSecrets.hash(token), Timestamp.from(now), Timestamp.from(expires)).update();
        events.publishEvent(new PasswordResetRequested(user.id(), user.email(), user.name(), languageOf(user), token, expires));
    }

    /** The account a link is for, while it is unused and unexpired. */
    @Transactional(readOnly = true)
    Optional<UserId> accountOf(String token) {
        if (!looksValid(token)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT user_id FROM password_reset WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
                .params(TokenSecrets.hash(token), Timestamp.from(clock.instant())).query(Long.class).optional()
                .map(UserId::new);
    }

    /**
     * Sets the password through a link; false when the link is unknown, used or expired. The link is
     * taken by an update that only one request can win.
     */
    boolean reset(String token, String password) {
        Optional<UserId> user = accountOf(token);
        if (user.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        int taken = jdbc.sql("UPDATE password_reset SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
                .params(Timestamp.from(now), TokenSecrets.hash(token), Timestamp.from(now)).update();
        if (taken != 1) {
            return false;
        }
        users.setPassword(user.get(), password);
        jdbc.sql("UPDATE app_user SET failed_sign_ins = 0, locked_until = NULL WHERE id = ?").param(user.get().value()).update();
        jdbc.sql("UPDATE password_reset SET used_at = ? WHERE user_id = ? AND used_at IS NULL")
                .params(Timestamp.from(now), user.get().value()).update();
        return true;
    }

    /** The user's own setting, else the language of the contact the user is, else English. */
    private Language languageOf(UserSummary user) {
        if (user.language() != null) {
            return user.language();
        }
        return Optional.ofNullable(user.contactId()).flatMap(customers::contact).map(c -> c.language()).orElse(Language.EN);
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean looksValid(String token) {
        return token.length() == TOKEN_LENGTH && token.chars()
                .allMatch(c -> c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_');
    }
}
