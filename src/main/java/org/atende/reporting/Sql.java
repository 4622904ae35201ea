package org.atende.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Instants to and from {@code TIMESTAMP WITH TIME ZONE} columns, the same on H2 and PostgreSQL; rows inserted many to
 * a statement.
 */
final class Sql {

    /** Rows inserted by one statement at most (at 19 columns, 9,500 parameters: under either database's limit). */
    private static final int ROWS_A_STATEMENT = 500;

    private Sql() {
    }

    static @Nullable OffsetDateTime utc(@Nullable Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static @Nullable Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    /**
     * Inserts the rows, many to a statement (one statement a row costs the database its own round of parsing, planning
     * and executing each time); {@code into} is the table and its columns, as many as each row has values.
     */
    static void insert(JdbcClient jdbc, String into, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_A_STATEMENT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_A_STATEMENT));
            String values = "(" + String.join(", ", Collections.nCopies(chunk.getFirst().length, "?")) + ")";
            jdbc.sql("INSERT INTO " + into + " VALUES " + String.join(", ", Collections.nCopies(chunk.size(), values)))
                    .params(chunk.stream().flatMap(Arrays::stream).toList()).update();
        }
    }
}
