package org.atende.identity.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.atende.customers.Customers;
import org.atende.customers.Language;
import org.atende.identity.InvitationMail;
import org.atende.identity.InvitationSummary;
import org.atende.identity.UserId;
import org.atende.identity.UserSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations: a one-time link by e-mail, valid {@link #VALID_FOR}, with which an invited user sets a
 * password. The token is 32 random bytes; only its SHA-256 is stored. Inviting again supersedes the
 * earlier link; a link works once. The mail is published as an {@link InvitationMail} in the same
 * transaction, so it leaves only if the invitation is committed.
 */
@Service
@Transactional
public class Invitations {

    static final Duration VALID_FOR = Duration.ofDays(7);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Users users;
    private final Customers customers;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String baseUrl;

    Invitations(JdbcClient jdbc, Users users, Customers customers, ApplicationEventPublisher events,
            ObjectProvider<Clock> clock, @Value("${atende.web.base-url:http://localhost:8080}") String baseUrl) {
        this.jdbc = jdbc;
        this.users = users;
        this.customers = customers;
        this.events = events;
        this.clock = clock.getIfUnique(Clock::systemUTC);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Invites an active user; an earlier link of the same user stops working. */
    public InvitationSummary invite(UserId id, @Nullable UserId inviter) {
        UserSummary user = users.find(id).orElseThrow(() -> new NoSuchElementException("No user " + id + "."));
        if (!user.active()) {
            throw Problems.conflict("active", "an inactive user cannot be invited; reactivate the user first");
        }
        Instant now = clock.instant();
        Instant expires = now.plus(VALID_FOR);
        jdbc.sql("UPDATE user_invitation SET superseded_at = ? WHERE user_id = ? AND used_at IS NULL AND superseded_at IS NULL")
                .params(Timestamp.from(now), id.value()).update();
        String token = newToken();
        jdbc.sql("INSERT INTO user_invitation (user_id, token_hash, invited_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
                .params(id.value(), TokenSecrets.hash(token), inviter == null ? null : inviter.value(), Timestamp.from(now),
                        Timestamp.from(expires))
                .update();
        Language language = languageOf(user);
        String link = baseUrl + "/invitations/" + token;
        events.publishEvent(new InvitationMail(id, user.email(), InvitationTexts.subject(language),
                InvitationTexts.body(language, user.name(), link, expires)));
        return new InvitationSummary(id, user.email(), now, expires);
    }

    /** The invitation a link's token names, if it may still be used: not used, not superseded, not expired, its user active. */
    @Transactional(readOnly = true)
    public Optional<InvitationSummary> usable(String token) {
        return open(token, false).map(Open::summary);
    }

    /** The user's invitation still waiting to be used, if any. */
    @Transactional(readOnly = true)
    public Optional<InvitationSummary> pending(UserId id) {
        return jdbc.sql("""
                SELECT i.user_id, u.email, i.created_at, i.expires_at FROM user_invitation i JOIN app_user u ON u.id = i.user_id
                WHERE i.user_id = ? AND i.used_at IS NULL AND i.superseded_at IS NULL AND i.expires_at > ?
                ORDER BY i.id DESC""")
                .params(id.value(), Timestamp.from(clock.instant()))
                .query((rs, n) -> new InvitationSummary(new UserId(rs.getLong(1)), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()))
                .optional();
    }

    /**
     * Sets the invited user's password and spends the link. Empty when the link is unusable; the
     * password rule refuses with a problem on {@code newPassword} and leaves the link usable.
     */
    public Optional<UserId> accept(String token, String password) {
        Optional<Open> open = open(token, true);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        UserId user = open.get().summary().userId();
        users.setPassword(user, password);
        jdbc.sql("UPDATE user_invitation SET used_at = ? WHERE id = ?").params(Timestamp.from(clock.instant()), open.get().id())
                .update();
        return Optional.of(user);
    }

    private record Open(long id, InvitationSummary summary) {
    }

    private Optional<Open> open(String token, boolean lock) {
        if (token.length() != 43) { // 32 bytes in unpadded base64url; anything else needs no query
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT i.id, i.user_id, u.email, i.created_at, i.expires_at FROM user_invitation i
                JOIN app_user u ON u.id = i.user_id
                WHERE i.token_hash = ? AND i.used_at IS NULL AND i.superseded_at IS NULL AND i.expires_at > ? AND u.active"""
                + (lock ? " FOR UPDATE" : ""))
                .params(TokenSecrets.hash(token), Timestamp.from(clock.instant()))
                .query((rs, n) -> new Open(rs.getLong(1), new InvitationSummary(new UserId(rs.getLong(2)), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant())))
                .optional();
    }

    private Language languageOf(UserSummary user) {
        if (user.language() != null) {
            return user.language();
        }
        if (user.contactId() != null) {
            return customers.contact(user.contactId()).map(c -> c.language()).orElse(Language.EN);
        }
        return Language.EN;
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
