package org.atende.identity.internal;

import java.sql.Timestamp;

import org.atende.customers.ContactErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A contact's erasure, for the accounts linked to it: each is anonymised (name, an address that can never
 * receive mail, no password, no language), deactivated, its API tokens revoked, its open invitation and
 * password-reset links spent and its page sessions ended, so that nobody signs in as the person again.
 */
@Component
class ErasedAccounts {

    private final JdbcClient jdbc;

    private final RecentActors recentActors;

    ErasedAccounts(JdbcClient jdbc, RecentActors recentActors) {
        this.jdbc = jdbc;
        this.recentActors = recentActors;
    }

    @EventListener
    void on(ContactErased erased) {
        Timestamp at = Timestamp.from(erased.at());
        recentActors.forgetAll();
        for (long user : erased.userIds()) {
            String email = jdbc.sql("SELECT email FROM app_user WHERE id = ?").param(user).query(String.class).optional().orElse(null);
            if (email == null) {
                continue;
            }
            jdbc.sql("""
                    UPDATE app_user SET name = 'Erased user', email = ?, password_hash = NULL, active = FALSE, language = NULL,
                        failed_sign_ins = 0, locked_until = NULL
                    WHERE id = ?""")
                    .params("erased-user-" + user + "@erased.invalid", user).update();
            erased.count("accounts", 1);
            erased.count("apiTokens", jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL")
                    .params(at, user).update());
            jdbc.sql("UPDATE password_reset SET used_at = ? WHERE user_id = ? AND used_at IS NULL").params(at, user).update();
            jdbc.sql("UPDATE user_invitation SET used_at = ? WHERE user_id = ? AND used_at IS NULL").params(at, user).update();
            erased.count("sessions", jdbc.sql("DELETE FROM spring_session WHERE principal_name = ?").param(email).update());
        }
    }
}
