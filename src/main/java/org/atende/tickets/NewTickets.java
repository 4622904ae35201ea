package org.atende.tickets;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Writes a new ticket and its tags in two statements: the insert draws the ticket's number from
 * {@code ticket_number_seq} itself and answers it with the id. A new ticket's row is written once, on every
 * channel's intake, so it is written out here rather than saved through the repository (which needs the number
 * drawn first and maps every column through Spring Data's conversions); later changes go through the repository.
 */
@Component
class NewTickets {

    private final JdbcClient jdbc;

    NewTickets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts {@code t} (status, times, next due time and flags as constructed) with its tags; sets its id, number and version. */
    void insert(Ticket t) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO ticket (number, organisation_id, requester_contact_id, channel, subject, type, category, priority,
                                    suggested_priority, triaged, status, received_at, updated_at, next_due_at, over_quota, version)
                VALUES (NEXTVAL('ticket_number_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)""")
                .params(t.organisationId, t.requesterContactId, t.channel.name(), t.subject, t.type.name(), t.category,
                        t.priority.name(), t.suggestedPriority == null ? null : t.suggestedPriority.name(), t.triaged,
                        t.status.name(), utc(t.receivedAt), utc(t.updatedAt), t.nextDueAt == null ? null : utc(t.nextDueAt), t.overQuota)
                .update(keys, "id", "number");
        Map<String, Object> generated = keys.getKeys();
        t.id = key(generated, "id");
        t.number = key(generated, "number");
        t.version = 1;
        if (!t.tags.isEmpty()) {
            List<Object> params = new ArrayList<>();
            t.tags.forEach(tag -> {
                params.add(t.id);
                params.add(tag.tag());
            });
            jdbc.sql("INSERT INTO ticket_tag (ticket_id, tag) VALUES " + String.join(", ", Collections.nCopies(t.tags.size(), "(?, ?)")))
                    .params(params).update();
        }
    }

    private static long key(@Nullable Map<String, Object> keys, String column) {
        Object value = keys == null ? null : keys.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(column))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (!(value instanceof Number n)) {
            throw new IllegalStateException("the new ticket's " + column + " was not returned: " + keys);
        }
        return n.longValue();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
