package org.atende.views;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.atende.tickets.TicketFilter;
import org.atende.tickets.TicketQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;

/** The {@code saved_view} table; the filter is kept as the JSON of {@link TicketFilter}. */
@Component
class ViewStore {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ViewStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The views one of these may see: its owner's personal ones, every team's of {@code teams} (null: all), shared ones. */
    List<SavedView> visible(long owner, @Nullable List<Long> teams) {
        String team = teams == null ? "scope = 'TEAM'" : teams.isEmpty() ? "1 = 0" : "(scope = 'TEAM' AND team_id IN (:teams))";
        var sql = jdbc.sql("SELECT * FROM saved_view WHERE (scope = 'PERSONAL' AND owner_user_id = :owner) OR scope = 'SHARED' OR "
                + team + " ORDER BY CASE scope WHEN 'PERSONAL' THEN 0 WHEN 'TEAM' THEN 1 ELSE 2 END, name, id")
                .param("owner", owner);
        if (teams != null && !teams.isEmpty()) {
            sql = sql.param("teams", teams);
        }
        return sql.query(this::row).list();
    }

    Optional<SavedView> find(long id) {
        return jdbc.sql("SELECT * FROM saved_view WHERE id = ?").param(id).query(this::row).optional();
    }

    long insert(String name, ViewScope scope, @Nullable Long team, long owner, TicketFilter filter, TicketQuery.Sort sort,
            List<ViewColumn> columns, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO saved_view (name, scope, owner_user_id, team_id, filter, sort, columns, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(name, scope.name(), owner, team, json.writeValueAsString(filter), sort.name(), columns(columns),
                        Timestamp.from(now), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void update(long id, String name, ViewScope scope, @Nullable Long team, TicketFilter filter, TicketQuery.Sort sort,
            List<ViewColumn> columns, Instant now) {
        jdbc.sql("UPDATE saved_view SET name = ?, scope = ?, team_id = ?, filter = ?, sort = ?, columns = ?, updated_at = ? WHERE id = ?")
                .params(name, scope.name(), team, json.writeValueAsString(filter), sort.name(), columns(columns),
                        Timestamp.from(now), id)
                .update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM saved_view WHERE id = ?").param(id).update();
    }

    private static String columns(List<ViewColumn> columns) {
        return columns.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private SavedView row(ResultSet rs, int n) throws SQLException {
        long team = rs.getLong("team_id");
        Long teamId = rs.wasNull() ? null : team;
        return new SavedView(rs.getLong("id"), rs.getString("name"), ViewScope.valueOf(rs.getString("scope")), teamId,
                rs.getLong("owner_user_id"), json.readValue(rs.getString("filter"), TicketFilter.class),
                TicketQuery.Sort.valueOf(rs.getString("sort")),
                Arrays.stream(rs.getString("columns").split(",")).filter(s -> !s.isBlank()).map(ViewColumn::valueOf).toList(),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
