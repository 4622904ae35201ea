package org.atende.identity;

import java.time.Instant;

import org.atende.customers.Language;

/**
 * Someone asked to reset the password of an account: the link's {@code token} is to be mailed to
 * {@code email}, in {@code language}, before {@code expiresAt}. Published in the request's transaction,
 * for the e-mail channel to queue the mail with it. {@link #toString()} leaves the token out.
 */
public record PasswordResetRequested(UserId userId, String email, String name, Language language, String token,
        Instant expiresAt) {

    @Override
    public String toString() {
        return "PasswordResetRequested[userId=" + userId + ", email=" + email + ", expiresAt=" + expiresAt + "]";
    }
}
