package org.atende.macros;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.atende.tickets.Priority;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketType;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The {@code macro} table: explicit SQL, one row per macro, its tags comma-separated. */
@Component
class MacroStore {

    private static final String COLUMNS = """
            id, name, scope, owner_user_id, team_id, text_es, text_pt, text_en, set_status, set_priority, set_type,
            add_tags, remove_tags, set_team_id, set_assignee_id, assign_to_self, use_count, created_at, updated_at, version""";

    private final JdbcClient jdbc;

    MacroStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<MacroView> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM macro WHERE id = ?").param(id).query(MacroStore::row).optional();
    }

    /** Every macro an actor may see: shared ones, those of {@code teams} (all teams' when null) and {@code owner}'s own (everyone's when null). */
    List<MacroView> visible(@Nullable Long owner, @Nullable Set<Long> teams) {
        StringBuilder where = new StringBuilder("scope = 'SHARED'");
        where.append(owner == null ? " OR scope = 'PERSONAL'" : " OR (scope = 'PERSONAL' AND owner_user_id = :owner)");
        if (teams == null) {
            where.append(" OR scope = 'TEAM'");
        } else if (!teams.isEmpty()) {
            where.append(" OR (scope = 'TEAM' AND team_id IN (:teams))");
        }
        var spec = jdbc.sql("SELECT " + COLUMNS + " FROM macro WHERE " + where + " ORDER BY LOWER(name), id");
        if (owner != null) {
            spec = spec.param("owner", owner);
        }
        if (teams != null && !teams.isEmpty()) {
            spec = spec.param("teams", List.copyOf(teams));
        }
        return spec.query(MacroStore::row).list();
    }

    long insert(MacroDraft d, @Nullable Long owner, long createdBy, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO macro (name, scope, owner_user_id, team_id, text_es, text_pt, text_en, set_status, set_priority,
                  set_type, add_tags, remove_tags, set_team_id, set_assignee_id, assign_to_self, created_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(values(d, owner, createdBy, now)).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** Rewrites a macro if it is still at {@code version}; false when someone changed or deleted it since. */
    boolean update(long id, int version, MacroDraft d, @Nullable Long owner, Instant now) {
        return jdbc.sql("""
                UPDATE macro SET name = ?, scope = ?, owner_user_id = ?, team_id = ?, text_es = ?, text_pt = ?, text_en = ?,
                  set_status = ?, set_priority = ?, set_type = ?, add_tags = ?, remove_tags = ?, set_team_id = ?,
                  set_assignee_id = ?, assign_to_self = ?, updated_at = ?, version = version + 1
                WHERE id = ? AND version = ?""")
                .params(d.name(), d.scope().name(), owner, team(d), d.texts().es(), d.texts().pt(), d.texts().en(),
                        name(d.actions().status()), name(d.actions().priority()), name(d.actions().type()),
                        tags(d.actions().addTags()), tags(d.actions().removeTags()), d.actions().teamId(),
                        d.actions().assigneeId(), d.actions().assignToSelf(), Timestamp.from(now), id, version)
                .update() == 1;
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM macro WHERE id = ?").param(id).update() == 1;
    }

    /** Counts one use, atomically: concurrent uses each count. */
    void countUse(long id) {
        jdbc.sql("UPDATE macro SET use_count = use_count + 1 WHERE id = ?").param(id).update();
    }

    private static Object[] values(MacroDraft d, @Nullable Long owner, long createdBy, Instant now) {
        MacroActions a = d.actions();
        return new Object[] {d.name(), d.scope().name(), owner, team(d), d.texts().es(), d.texts().pt(), d.texts().en(),
                name(a.status()), name(a.priority()), name(a.type()), tags(a.addTags()), tags(a.removeTags()), a.teamId(),
                a.assigneeId(), a.assignToSelf(), createdBy, Timestamp.from(now), Timestamp.from(now)};
    }

    private static @Nullable Long team(MacroDraft d) {
        return d.scope() == MacroScope.TEAM ? d.teamId() : null;
    }

    private static @Nullable String name(@Nullable Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static @Nullable String tags(Set<String> tags) {
        return tags.isEmpty() ? null : String.join(",", tags);
    }

    private static Set<String> tags(@Nullable String joined) {
        return joined == null || joined.isBlank() ? Set.of()
                : new LinkedHashSet<>(Arrays.stream(joined.split(",")).filter(s -> !s.isBlank()).toList());
    }

    private static MacroView row(ResultSet rs, int n) throws SQLException {
        MacroActions actions = new MacroActions(
                rs.getString("set_status") == null ? null : TicketStatus.valueOf(rs.getString("set_status")),
                rs.getString("set_priority") == null ? null : Priority.valueOf(rs.getString("set_priority")),
                rs.getString("set_type") == null ? null : TicketType.valueOf(rs.getString("set_type")),
                tags(rs.getString("add_tags")), tags(rs.getString("remove_tags")), nullableLong(rs, "set_team_id"),
                nullableLong(rs, "set_assignee_id"), rs.getBoolean("assign_to_self"));
        return new MacroView(rs.getLong("id"), rs.getString("name"), MacroScope.valueOf(rs.getString("scope")),
                nullableLong(rs, "owner_user_id"), nullableLong(rs, "team_id"),
                new MacroTexts(rs.getString("text_es"), rs.getString("text_pt"), rs.getString("text_en")), actions,
                rs.getLong("use_count"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("version"));
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
