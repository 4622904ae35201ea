package org.atende.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.atende.identity.Actor;
import org.atende.identity.UserId;
import org.atende.identity.UserSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The actors of recently authenticated tokens, and the users of recently seen page sessions, kept for
 * {@code atende.tokens.actor-cache} (5 s by default) so that a busy client's requests do not each read the token
 * and its user, nor a signed-in person's every page their user. On this instance every change that can take access
 * away or change who someone acts as (revoking a token, changing or deactivating a user, erasing an account) forgets
 * them all at once, and again when that change commits; another instance may go on with what it read until its own
 * entry ages out, for at most the cache's time. A token's expiry is checked on every use.
 */
@Component
public class RecentActors {

    /** Past this many tokens the cache starts again empty rather than grow without bound. */
    private static final int MOST = 10_000;

    private final Map<String, Cached> byHash = new ConcurrentHashMap<>();
    private final Map<UserId, SeenUser> byUser = new ConcurrentHashMap<>();
    private final long ttlNanos;

    RecentActors(@Value("${atende.tokens.actor-cache:PT5S}") Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    /** What a token authenticated as when it was read, with the fields its next uses need. */
    record Cached(long tokenId, Actor actor, @Nullable Instant expiresAt, @Nullable Instant lastUsedAt, long readAt) {

        Cached used(Instant at) {
            return new Cached(tokenId, actor, expiresAt, at, readAt);
        }
    }

    @Nullable Cached find(String hash, Instant now) {
        Cached c = byHash.get(hash);
        if (c == null || System.nanoTime() - c.readAt() > ttlNanos || (c.expiresAt() != null && !c.expiresAt().isAfter(now))) {
            return null;
        }
        return c;
    }

    Cached keep(String hash, long tokenId, Actor actor, @Nullable Instant expiresAt, @Nullable Instant lastUsedAt) {
        Cached c = new Cached(tokenId, actor, expiresAt, lastUsedAt, System.nanoTime());
        if (ttlNanos > 0) {
            if (byHash.size() >= MOST) {
                byHash.clear();
            }
            byHash.put(hash, c);
        }
        return c;
    }

    private record SeenUser(Optional<UserSummary> user, long readAt) {
    }

    /** A signed-in session's user, as read at most {@code atende.tokens.actor-cache} ago (empty: no such user). */
    Optional<UserSummary> user(UserId id, Supplier<Optional<UserSummary>> read) {
        SeenUser seen = byUser.get(id);
        if (seen != null && System.nanoTime() - seen.readAt() <= ttlNanos) {
            return seen.user();
        }
        Optional<UserSummary> user = read.get();
        if (ttlNanos > 0) {
            if (byUser.size() >= MOST) {
                byUser.clear();
            }
            byUser.put(id, new SeenUser(user, System.nanoTime()));
        }
        return user;
    }

    void used(String hash, Cached c, Instant at) {
        byHash.replace(hash, c, c.used(at));
    }

    /**
     * Forgets every cached actor and user now, and again after the current transaction commits: a request that read the
     * token between the two would otherwise keep what the change is about to end.
     */
    public void forgetAll() {
        byHash.clear();
        byUser.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    byHash.clear();
                    byUser.clear();
                }
            });
        }
    }
}
