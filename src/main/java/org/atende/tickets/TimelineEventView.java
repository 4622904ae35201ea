package org.atende.tickets;

import java.time.Instant;

import org.atende.identity.UserId;
import org.jspecify.annotations.Nullable;

/** A line of the audit trail as others read it. */
public record TimelineEventView(long id, Instant at, @Nullable UserId actorUserId, String actor, String kind,
        @Nullable String field, @Nullable String before, @Nullable String after, @Nullable String detail) {
}
