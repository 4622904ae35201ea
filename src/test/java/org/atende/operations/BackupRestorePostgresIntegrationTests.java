package org.atende.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.support.DeskFixtures;
import org.atende.support.PostgresSchema;
import org.atende.tickets.Attachments;
import org.atende.tickets.Channel;
import org.atende.tickets.OpenTicket;
import org.atende.tickets.Priority;
import org.atende.tickets.Reply;
import org.atende.tickets.TicketChanges;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The documented backup and restore, run as an operator runs them: {@code deploy/backup.sh} on a desk's
 * database with tickets in every state, clocks running, paused and stopped, files (some shared by two
 * tickets) and the audit log; {@code deploy/restore.sh} into a fresh database; then every ticket,
 * message, clock, pause, file row and file byte is found again, equal, and the restored database goes
 * on as the old one did (ticket numbers, the audit log's trigger). A second restore onto it is refused.
 */
@SpringBootTest(properties = {"atende.sla.sweep-enabled=false", "atende.notifications.dispatch-enabled=false",
        "atende.techservice.expiry-enabled=false"})
@DirtiesContext
class BackupRestorePostgresIntegrationTests {

    private static final List<String> TABLES = List.of("ticket", "message", "sla_clock", "sla_clock_pause", "attachment",
            "attachment_content", "timeline_event", "audit_entry", "quota_unit", "quota_counter", "ticket_search", "saved_view");

    @RegisterExtension
    static final PostgresSchema schema = PostgresSchema.createFor(BackupRestorePostgresIntegrationTests.class);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        schema.registerDataSource(registry);
    }

    @Autowired Tickets tickets;
    @Autowired Attachments attachments;
    @Autowired JdbcClient jdbc;
    @Autowired org.atende.customers.Customers customers;

    @TempDir
    Path backups;

    String restoredDatabase;

    @AfterEach
    void dropTheRestoredDatabase() throws SQLException {
        if (restoredDatabase != null) {
            try (Connection c = DriverManager.getConnection(PostgresSchema.serverUrl()); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + restoredDatabase + " WITH (FORCE)");
            }
        }
    }

    @Test
    void restoresEveryTicketClockAndFileByteForByteIntoAFreshDatabase() throws Exception {
        byte[] shared = desk();
        Map<String, List<List<String>>> before = contents(jdbc);
        assertThat(before.get("ticket")).hasSize(12);
        assertThat(before.get("attachment_content")).hasSize(3);

        Path dump = Path.of(run(Map.of("ATENDE_DB_URL", schema.jdbcUrl()), "deploy/backup.sh", backups.toString()).strip());
        assertThat(dump).exists().hasFileName(dump.getFileName().toString());
        assertThat(dump.getFileName().toString()).matches("atende-\\d{8}T\\d{6}Z\\.dump");
        assertThat(Path.of(dump + ".sha256")).exists();

        restoredDatabase = "atende_restore_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection c = DriverManager.getConnection(PostgresSchema.serverUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + restoredDatabase);
        }
        String target = PostgresSchema.serverUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + restoredDatabase + "$1");
        String said = run(Map.of("ATENDE_DB_URL", target), "deploy/restore.sh", dump.toString());
        assertThat(said).contains("restored");

        try (Connection restored = DriverManager.getConnection(target + "&currentSchema=" + schema.name())) {
            JdbcClient copy = JdbcClient.create(new org.springframework.jdbc.datasource.SingleConnectionDataSource(restored, true));
            Map<String, List<List<String>>> after = contents(copy);
            for (String table : TABLES) {
                assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
            }
            assertThat(copy.sql("SELECT content FROM attachment_content WHERE sha256 = ?").param(sha256(shared))
                    .query((rs, n) -> rs.getBytes(1)).single()).isEqualTo(shared);
            long lastNumber = copy.sql("SELECT MAX(number) FROM ticket").query(Long.class).single();
            assertThat(copy.sql("SELECT NEXTVAL('ticket_number_seq')").query(Long.class).single()).isGreaterThan(lastNumber);
            assertThatThrownBy(() -> copy.sql("DELETE FROM audit_entry").update()).rootCause().hasMessageContaining("append-only");
            assertThat(copy.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE success").query(Long.class).single())
                    .isEqualTo(jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE success").query(Long.class).single());
        }

        ProcessResult again = start(Map.of("ATENDE_DB_URL", target), "deploy/restore.sh", dump.toString());
        assertThat(again.exit()).as(again.output()).isEqualTo(1);
        assertThat(again.output()).contains("already holds the desk's tables");
    }

    @Test
    void refusesABackupThatDoesNotMatchItsChecksum() throws Exception {
        desk();
        Path dump = Path.of(run(Map.of("ATENDE_DB_URL", schema.jdbcUrl()), "deploy/backup.sh", backups.toString()).strip());
        byte[] bytes = Files.readAllBytes(dump);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(dump, bytes);

        ProcessResult refused = start(Map.of("ATENDE_DB_URL", PostgresSchema.serverUrl()), "deploy/restore.sh", dump.toString());

        assertThat(refused.exit()).isNotZero();
        assertThat(refused.output()).contains("does not match its checksum");
    }

    /** Twelve tickets in every state, with clocks running, paused, met and breached, and files; answers a file two tickets share. */
    byte[] desk() {
        if (jdbc.sql("SELECT COUNT(*) FROM ticket").query(Long.class).single() > 0) {
            return jdbc.sql("SELECT content FROM attachment_content ORDER BY sha256 LIMIT 1").query((rs, n) -> rs.getBytes(1)).single();
        }
        DeskFixtures f = new DeskFixtures(jdbc);
        long plan = f.plan(f.standardPolicy(), "HIGH");
        OrganisationId organisation = f.organisation("Padaria Lusitana", plan);
        Actor customer = f.customer(organisation, "Joana Reis");
        Actor agent = f.staff(Role.AGENT, "Inês Costa");
        byte[] shared = "%PDF-1.7 fatura partilhada".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 12; i++) {
            TicketView t = tickets.open(new OpenTicket(null, null, Channel.PORTAL, "Pedido " + i + " — ç, ã, €", "Texto " + i, null, null,
                    null, Set.of("backup"), java.time.Instant.now().minusSeconds(86_400L * i)), customer);
            switch (i % 4) {
                case 1 -> tickets.reply(t.id(), new Reply("Respondido", false, TicketStatus.WAITING_ON_CUSTOMER, null), agent);
                case 2 -> tickets.update(t.id(), new TicketChanges(Priority.URGENT, null, null, TicketStatus.RESOLVED, null, false,
                        null, null), agent);
                case 3 -> tickets.update(t.id(), new TicketChanges(null, null, null, TicketStatus.ON_HOLD, null, false, null, null), agent);
                default -> {
                }
            }
            if (i % 3 == 0) {
                attachments.attach(t.id(), null, "fatura.pdf", "application/pdf", shared, customer);
            }
        }
        TicketView first = tickets.list(org.atende.tickets.TicketQuery.firstPage(), agent).items().getFirst();
        attachments.attach(first.id(), null, "foto.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xFF}, agent);
        attachments.attach(first.id(), null, "notas.txt", "text/plain", "linha 1\nlinha 2 — fim\n".getBytes(StandardCharsets.UTF_8), agent);
        customers.createPlan(new org.atende.customers.PlanDraft("Audited plan", f.standardPolicy(), "LOW"));
        return shared;
    }

    static Map<String, List<List<String>>> contents(JdbcClient db) {
        Map<String, List<List<String>>> all = new java.util.LinkedHashMap<>();
        for (String table : TABLES) {
            all.put(table, db.sql("SELECT * FROM " + table + " ORDER BY 1, 2").query((ResultSet rs, int n) -> {
                List<String> row = new ArrayList<>();
                for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                    Object v = rs.getObject(c);
                    row.add(v instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(v));
                }
                return row;
            }).list());
        }
        return all;
    }

    record ProcessResult(int exit, String output) {
    }

    static String run(Map<String, String> environment, String... command) throws IOException, InterruptedException {
        ProcessResult result = start(environment, command);
        assertThat(result.exit()).as(String.join(" ", command) + ":\n" + result.output()).isZero();
        return result.output().lines().reduce((a, b) -> b).orElse("");
    }

    static ProcessResult start(Map<String, String> environment, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("bash"));
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("PG") || k.startsWith("ATENDE_DB"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new ProcessResult(process.exitValue(), output);
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    }
}
