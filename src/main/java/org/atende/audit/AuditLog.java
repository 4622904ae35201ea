package org.atende.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.atende.operations.LogFields;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to and reads the audit log ({@code audit_entry}). {@link #record} runs in the caller's
 * transaction (and so does the listener of {@link AuditedChange} events: a plain, synchronous listener),
 * so a change and its entry commit together or not at all. Nothing here updates or deletes an entry.
 */
@Service
@Transactional
public class AuditLog {

    private static final int MAX_TEXT = 2000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, FieldChange>> CHANGES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectProvider<Auditors> auditors;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, ObjectProvider<Auditors> auditors, Clock clock) {
        this.jdbc = jdbc;
        this.auditors = auditors;
        this.clock = clock;
    }

    @EventListener
    void on(AuditedChange change) {
        record(change);
    }

    /** Appends the change, by whoever is acting now; a change of nothing is not recorded. Answers whether it was. */
    public boolean record(AuditedChange change) {
        Map<String, FieldChange> changes = change.changes();
        if (change.action() == AuditAction.CHANGED && changes.isEmpty()) {
            return false;
        }
        Auditor who = who();
        jdbc.sql("""
                INSERT INTO audit_entry (occurred_at, actor_user_id, actor, kind, action, subject_id, subject, changes, request_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(clock.instant()), who.userId(), clip(who.name(), 200), change.kind().name(),
                        change.action().name(), clip(change.subjectId(), 64), clip(change.subject(), 300),
                        JSON.writeValueAsString(clipped(changes)), LogFields.requestId())
                .update();
        return true;
    }

    /** One page of the entries the query selects, newest first. */
    @Transactional(readOnly = true)
    public AuditPage find(AuditQuery query, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (query.kind() != null) {
            where.append(" AND kind = ?");
            params.add(query.kind().name());
        }
        if (query.actorUserId() != null) {
            where.append(" AND actor_user_id = ?");
            params.add(query.actorUserId());
        }
        if (query.from() != null) {
            where.append(" AND occurred_at >= ?");
            params.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.append(" AND occurred_at < ?");
            params.add(Timestamp.from(query.to()));
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_entry" + where).params(params).query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(size);
        paged.add((long) page * size);
        List<AuditEntry> entries = jdbc.sql("SELECT * FROM audit_entry" + where + " ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(paged).query(AuditLog::entry).list();
        return new AuditPage(entries, page, size, total);
    }

    /** The users who appear in the log, by id, with the name of their latest entry: for a filter's choices. */
    @Transactional(readOnly = true)
    public Map<Long, String> actors() {
        Map<Long, String> actors = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT e.actor_user_id, e.actor FROM audit_entry e
                WHERE e.id IN (SELECT MAX(id) FROM audit_entry WHERE actor_user_id IS NOT NULL GROUP BY actor_user_id)
                ORDER BY e.actor""")
                .query(rs -> {
                    actors.put(rs.getLong(1), rs.getString(2));
                });
        return actors;
    }

    private Auditor who() {
        Auditors known = auditors.getIfAvailable();
        return known == null ? Auditor.SYSTEM : known.current().orElse(Auditor.SYSTEM);
    }

    private static Map<String, FieldChange> clipped(Map<String, FieldChange> changes) {
        Map<String, FieldChange> clipped = new LinkedHashMap<>();
        changes.forEach((name, change) -> clipped.put(clip(name, 100),
                new FieldChange(clipNullable(change.before()), clipNullable(change.after()))));
        return clipped;
    }

    private static @Nullable String clipNullable(@Nullable String text) {
        return text == null ? null : clip(text, MAX_TEXT);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        long user = rs.getLong("actor_user_id");
        Long userId = rs.wasNull() ? null : user;
        String changes = rs.getString("changes");
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), userId, rs.getString("actor"),
                AuditKind.valueOf(rs.getString("kind")), AuditAction.valueOf(rs.getString("action")), rs.getString("subject_id"),
                rs.getString("subject"), changes == null ? Map.of() : JSON.readValue(changes, CHANGES), rs.getString("request_id"));
    }
}
