package org.atende.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.atende.identity.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Form login's view of users: the e-mail is the user name; users without a password (API-only) and
 * inactive users cannot sign in; a user locked after repeated failures ({@link SignInAttempts}) cannot
 * either until the lock expires. A hash in an older format is rewritten in the current one after a
 * successful sign-in.
 */
@Component
class SignInAccounts implements UserDetailsService, UserDetailsPasswordService {

    private final JdbcClient jdbc;
    private final Clock clock;

    SignInAccounts(JdbcClient jdbc, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        Instant now = clock.instant();
        return jdbc.sql("""
                SELECT id, email, role, password_hash, active, locked_until FROM app_user
                WHERE email = ? AND password_hash IS NOT NULL""")
                .param(username.strip().toLowerCase(Locale.ROOT))
                .query((rs, row) -> {
                    Timestamp lockedUntil = rs.getTimestamp("locked_until");
                    return new SignedInUser(rs.getLong("id"), rs.getString("email"), rs.getString("password_hash"),
                            Role.valueOf(rs.getString("role")), rs.getBoolean("active"),
                            lockedUntil != null && lockedUntil.toInstant().isAfter(now));
                })
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no user who signs in with a password"));
    }

    @Override
    @Transactional
    public UserDetails updatePassword(UserDetails user, String newPassword) {
        jdbc.sql("UPDATE app_user SET password_hash = ? WHERE email = ?").params(newPassword, user.getUsername()).update();
        return ((SignedInUser) user).withPassword(newPassword);
    }
}
