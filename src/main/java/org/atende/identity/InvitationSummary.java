package org.atende.identity;

import java.time.Instant;

/** An invitation as an administrator sees it: whom, when it was sent and until when its link works. Never the link. */
public record InvitationSummary(UserId userId, String email, Instant createdAt, Instant expiresAt) {
}
