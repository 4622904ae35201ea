package org.atende.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.atende.support.PostgresSchema;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code V40__sla_technical_service.sql} on data written before it, on H2 and on PostgreSQL: tickets
 * that had become technical service stop counting from their recorded change of type, and a reply to
 * a ticket opened as technical service is kept as its first response.
 */
class TechnicalServiceMigrationIntegrationTests {

    @RegisterExtension
    static final PostgresSchema schema = PostgresSchema.createFor(TechnicalServiceMigrationIntegrationTests.class);

    @Test
    void excludesTheClocksOfTechnicalServiceTicketsOnH2() {
        var h2 = new DriverManagerDataSource("jdbc:h2:mem:migration-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        migrates(h2, "h2");
    }

    @Test
    void excludesTheClocksOfTechnicalServiceTicketsOnPostgres() {
        var postgres = new DriverManagerDataSource(schema.jdbcUrl());
        migrates(postgres, "postgresql");
    }

    private void migrates(DataSource dataSource, String vendor) {
        flyway(dataSource, vendor, "22").migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long policy = jdbc.sql("SELECT id FROM sla_policy WHERE name = 'Standard support terms'").query(Long.class).single();
        jdbc.sql("INSERT INTO plan (id, name, sla_policy_id, default_priority, created_at) VALUES (1, 'Plan', ?, 'MEDIUM', ?)")
                .params(policy, ts("2026-01-01T00:00:00Z")).update();
        jdbc.sql("INSERT INTO organisation (id, name, plan_id, language, created_at) VALUES (1, 'Org', 1, 'PT', ?)")
                .param(ts("2026-01-01T00:00:00Z")).update();
        ticket(jdbc, 1, "TECHNICAL_SERVICE"); // moved at 12:00:00.5, waiting on the customer since 11:00
        clock(jdbc, 1, "FIRST_RESPONSE", policy, null);
        clock(jdbc, 1, "RESOLUTION", policy, null);
        jdbc.sql("INSERT INTO sla_clock_pause (ticket_id, kind, paused_from, reason) VALUES (1, 'RESOLUTION', ?, 'WAITING_ON_CUSTOMER')")
                .param(ts("2026-11-26T11:00:00Z")).update();
        jdbc.sql("""
                INSERT INTO timeline_event (ticket_id, occurred_at, actor, kind, field, before_value, after_value)
                VALUES (1, ?, 'Carla', 'CHANGED', 'type', 'INCIDENT', 'TECHNICAL_SERVICE')""")
                .param(ts("2026-11-26T12:00:00.500Z")).update();
        jdbc.sql("UPDATE ticket SET next_due_at = ? WHERE id = 1").param(ts("2026-11-26T14:00:00Z")).update();
        ticket(jdbc, 2, "TECHNICAL_SERVICE"); // answered at 10:30, moved when nobody recorded
        clock(jdbc, 2, "FIRST_RESPONSE", policy, "2026-11-26T10:30:00Z");
        clock(jdbc, 2, "RESOLUTION", policy, null);
        ticket(jdbc, 3, "INCIDENT");
        clock(jdbc, 3, "FIRST_RESPONSE", policy, null);
        jdbc.sql("UPDATE ticket SET next_due_at = ? WHERE id = 3").param(ts("2026-11-26T14:00:00Z")).update();
        ticket(jdbc, 4, "TECHNICAL_SERVICE"); // opened as technical service, answered twice
        for (String at : List.of("2026-11-26T10:40:00Z", "2026-11-26T10:20:00Z")) {
            jdbc.sql("INSERT INTO message (ticket_id, kind, channel, body, created_at) VALUES (4, 'AGENT', 'EMAIL', 'On it', ?)")
                    .param(ts(at)).update();
        }
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        flyway(dataSource, vendor, "latest").migrate();

        assertThat(column(jdbc, "SELECT excluded_since FROM sla_clock WHERE ticket_id = 1 AND kind = 'RESOLUTION'"))
                .isEqualTo("2026-11-26T12:00:00Z");
        assertThat(pauses(jdbc, 1, "RESOLUTION")).containsExactly(
                "2026-11-26T11:00:00Z 2026-11-26T12:00:00Z WAITING_ON_CUSTOMER",
                "2026-11-26T12:00:00Z null TECHNICAL_SERVICE");
        assertThat(pauses(jdbc, 1, "FIRST_RESPONSE")).containsExactly("2026-11-26T12:00:00Z null TECHNICAL_SERVICE");
        assertThat(jdbc.sql("SELECT state FROM sla_clock WHERE ticket_id = 1").query(String.class).list()).containsOnly("PAUSED");
        assertThat(column(jdbc, "SELECT next_due_at FROM ticket WHERE id = 1")).isNull();

        Instant since = Instant.parse(column(jdbc, "SELECT excluded_since FROM sla_clock WHERE ticket_id = 2 AND kind = 'FIRST_RESPONSE'"));
        assertThat(since).as("no recorded move: excluded from the release").isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(jdbc.sql("SELECT state FROM sla_clock WHERE ticket_id = 2 AND kind = 'FIRST_RESPONSE'").query(String.class)
                .single()).isEqualTo("MET");
        assertThat(pauses(jdbc, 2, "FIRST_RESPONSE")).as("a stopped clock keeps its outcome").isEmpty();
        String running = column(jdbc, "SELECT excluded_since FROM sla_clock WHERE ticket_id = 2 AND kind = 'RESOLUTION'");
        assertThat(Instant.parse(running)).as("from the release, never before the clock's start")
                .isEqualTo(since.isAfter(Instant.parse("2026-11-26T10:00:00Z")) ? since : Instant.parse("2026-11-26T10:00:00Z"));
        assertThat(pauses(jdbc, 2, "RESOLUTION")).containsExactly(running + " null TECHNICAL_SERVICE");

        assertThat(column(jdbc, "SELECT excluded_since FROM sla_clock WHERE ticket_id = 3")).isNull();
        assertThat(pauses(jdbc, 3, "FIRST_RESPONSE")).isEmpty();
        assertThat(column(jdbc, "SELECT next_due_at FROM ticket WHERE id = 3")).isEqualTo("2026-11-26T14:00:00Z");

        assertThat(column(jdbc, "SELECT replied_at FROM sla_first_reply WHERE ticket_id = 4")).isEqualTo("2026-11-26T10:20:00Z");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sla_first_reply").query(Integer.class).single()).isEqualTo(1);
    }

    private static Flyway flyway(DataSource dataSource, String vendor, String target) {
        return Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor).target(target).load();
    }

    private static void ticket(JdbcClient jdbc, long id, String type) {
        jdbc.sql("""
                INSERT INTO ticket (id, number, organisation_id, channel, subject, type, priority, status, received_at, updated_at)
                VALUES (?, ?, 1, 'EMAIL', 'Restore', ?, 'URGENT', 'OPEN', ?, ?)""")
                .params(id, 5000 + id, type, ts("2026-11-26T10:00:00Z"), ts("2026-11-26T10:00:00Z")).update();
    }

    private static void clock(JdbcClient jdbc, long ticket, String kind, long policy, @Nullable String stoppedAt) {
        jdbc.sql("""
                INSERT INTO sla_clock (ticket_id, kind, policy_id, started_at, target_amount, target_unit, state, due_at, warn_at, stopped_at)
                VALUES (?, ?, ?, ?, 4, 'HOURS', ?, ?, ?, ?)""")
                .params(ticket, kind, policy, ts("2026-11-26T10:00:00Z"), stoppedAt == null ? "RUNNING" : "MET",
                        ts("2026-11-26T14:00:00Z"), ts("2026-11-26T13:00:00Z"), stoppedAt == null ? null : ts(stoppedAt))
                .update();
    }

    private static Timestamp ts(String utc) {
        return Timestamp.from(Instant.parse(utc));
    }

    private static @Nullable String column(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query((rs, n) -> {
            OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
            return t == null ? null : t.toInstant().toString();
        }).list().getFirst();
    }

    private static List<String> pauses(JdbcClient jdbc, long ticket, String kind) {
        return jdbc.sql("SELECT paused_from, paused_to, reason FROM sla_clock_pause WHERE ticket_id = ? AND kind = ? ORDER BY paused_from, id")
                .params(ticket, kind).query((rs, n) -> {
                    OffsetDateTime to = rs.getObject(2, OffsetDateTime.class);
                    return rs.getObject(1, OffsetDateTime.class).toInstant() + " " + (to == null ? null : to.toInstant())
                            + " " + rs.getString(3);
                }).list();
    }
}
