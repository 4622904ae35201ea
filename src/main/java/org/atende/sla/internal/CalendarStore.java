package org.atende.sla.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.atende.calendar.BusinessCalendar;
import org.atende.calendar.CalendarJsonReader;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored calendars ({@code calendar_definition}) and the engines built from them. Building an engine
 * means reading holiday rules, so engines are cached per calendar and version ({@code updated_at}):
 * an edit made on any instance is picked up by every instance at its next reading.
 */
@Component
public class CalendarStore {

    private static final String COLUMNS = "SELECT id, name, definition, created_at, updated_at FROM calendar_definition";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final BusinessCalendar supportCalendar;
    private final Map<Long, Versioned> engines = new ConcurrentHashMap<>();

    CalendarStore(JdbcClient jdbc, BusinessCalendar supportCalendar) {
        this.jdbc = jdbc;
        this.supportCalendar = supportCalendar;
    }

    /** One stored calendar, its definition as JSON text in the form of the business-time command. */
    public record Row(long id, String name, String definition, Instant createdAt, Instant updatedAt) {
    }

    public boolean exists(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM calendar_definition WHERE id = ?").param(id).query(Long.class).single() > 0;
    }

    public List<Row> list() {
        return jdbc.sql(COLUMNS + " ORDER BY name").query(CalendarStore::row).list();
    }

    public Optional<Row> find(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(CalendarStore::row).optional();
    }

    public boolean nameTaken(String name, @Nullable Long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM calendar_definition WHERE name = ? AND id <> ?")
                .params(name, exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
    }

    public long insert(String name, String definition, Instant now) {
        jdbc.sql("INSERT INTO calendar_definition (name, definition, created_at, updated_at) VALUES (?, ?, ?, ?)")
                .params(name, definition, utc(now), utc(now)).update();
        return jdbc.sql("SELECT id FROM calendar_definition WHERE name = ?").param(name).query(Long.class).single();
    }

    public void update(long id, String name, String definition, Instant now) {
        jdbc.sql("UPDATE calendar_definition SET name = ?, definition = ?, updated_at = ? WHERE id = ?")
                .params(name, definition, utc(now), id).update();
    }

    /** The engine of a stored calendar, if it exists. */
    public Optional<BusinessCalendar> calendar(long id) {
        return jdbc.sql("SELECT updated_at FROM calendar_definition WHERE id = ?").param(id)
                .query((rs, n) -> instant(rs, "updated_at")).optional().map(version -> calendar(id, version));
    }

    /**
     * The engine a clock is measured on: the stored calendar {@code id} at {@code version} (its
     * {@code updated_at}), or the desk's support calendar when {@code id} is null.
     */
    public BusinessCalendar calendar(@Nullable Long id, @Nullable Instant version) {
        if (id == null) {
            return supportCalendar;
        }
        Versioned cached = engines.get(id);
        if (cached != null && cached.version().equals(version)) {
            return cached.calendar();
        }
        Row row = find(id).orElseThrow(() -> new IllegalStateException("calendar " + id + " is gone"));
        BusinessCalendar built = CalendarJsonReader.read(JSON.readTree(row.definition()));
        engines.put(id, new Versioned(row.updatedAt(), built));
        return built;
    }

    private record Versioned(Instant version, BusinessCalendar calendar) {
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("name"), rs.getString("definition"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }
}
