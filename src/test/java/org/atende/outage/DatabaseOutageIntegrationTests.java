package org.atende.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.atende.identity.Identity;
import org.atende.identity.TokenDraft;
import org.atende.support.Api;
import org.atende.support.Api.Answer;
import org.atende.support.PostgresSchema;
import org.atende.support.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * The desk on PostgreSQL behind a TCP proxy that the test cuts (the network goes silent: nothing fails, everything
 * waits) and restores, with its e-mail channel on a real SMTP and IMAP server and every scheduled job running on
 * short intervals. During the cut requests answer 503 within 3 s, health says DOWN, background work pauses
 * quietly; after it everything works again without a restart and nothing acknowledged is lost or done twice.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "atende.email.address=support@atende.test",
        "atende.notifications.dispatch-interval=PT1S", "atende.sla.sweep-interval=PT1S",
        "atende.whatsapp.retry-interval=PT1S", "atende.tickets.close-interval=PT1S",
        "atende.techservice.expiry-interval=PT1S"})
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageIntegrationTests {

    private static final Duration PROMISE = Duration.ofSeconds(3);
    private static final String SUPPORT = "support@atende.test";
    private static final Pattern HOST_PORT = Pattern.compile("^jdbc:postgresql://([^/:?]+)(?::(\\d+))?/");

    @RegisterExtension
    static final PostgresSchema schema = PostgresSchema.createFor(DatabaseOutageIntegrationTests.class);

    static final TcpProxy proxy = proxyToPostgres();
    static final int SMTP_PORT = freePort();
    static final int IMAP_PORT = freePort();
    static GreenMail mail;

    @LocalServerPort int port;
    @Autowired Identity identity;
    @Autowired JdbcClient jdbc;
    @Autowired DatabaseAvailability availability;

    Api api;
    String admin;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        schema.registerDataSource(registry);
        registry.add("spring.datasource.url", () -> throughProxy(schema.jdbcUrl()));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("atende.email.mailboxes[0].host", () -> "127.0.0.1");
        registry.add("atende.email.mailboxes[0].port", () -> IMAP_PORT);
        registry.add("atende.email.mailboxes[0].tls", () -> "false");
        registry.add("atende.email.mailboxes[0].username", () -> SUPPORT);
        registry.add("atende.email.mailboxes[0].password", () -> "secret");
        registry.add("atende.email.mailboxes[0].poll-interval", () -> "PT1S");
    }

    @BeforeAll
    static void startMail() {
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"),
                new ServerSetup(IMAP_PORT, "127.0.0.1", "imap")});
        mail.start();
        mail.setUser(SUPPORT, SUPPORT, "secret");
    }

    @AfterAll
    static void stopMail() {
        mail.stop();
        proxy.close();
    }

    @BeforeEach
    void admin() {
        proxy.restore();
        waitFor(Duration.ofSeconds(20), () -> !availability.isDown());
        api = new Api(port);
        identity.createFirstAdmin("outage.admin@vendor.example", "a long and unusual passphrase 42");
        admin = identity.issueToken(identity.userByEmail("outage.admin@vendor.example").orElseThrow().id(),
                new TokenDraft("outage", null)).secret();
    }

    @Test
    void answersQuicklyDuringTheOutageAndLosesNothingOnceItIsOver(CapturedOutput output) throws Exception {
        long organisation = created(api.post("/api/v1/organisations", admin, Map.of("name", "Org " + UUID.randomUUID(),
                "planId", created(api.post("/api/v1/plans", admin, Map.of("name", "Plan " + UUID.randomUUID(),
                        "slaPolicyId", policy(), "defaultPriority", "MEDIUM"))), "language", "PT",
                "emailDomains", java.util.List.of("cliente-outage.example"))));
        long contact = created(api.post("/api/v1/organisations/" + organisation + "/contacts", admin,
                Map.of("name", "Rita Sousa", "email", "rita@cliente-outage.example", "language", "PT")));
        long invited = created(api.post("/api/v1/users", admin, user("CUSTOMER", organisation, contact)));

        // acknowledged before the cut: a ticket (201), an invitation mail queued in the outbox, a clock about to breach
        String subject = "Antes do corte " + UUID.randomUUID();
        Answer ticket = api.post("/api/v1/tickets", admin, Map.of("organisationId", organisation, "subject", subject,
                "body", "Criado mesmo antes de a base de dados desaparecer."));
        assertThat(ticket.status()).as(ticket.body()).isEqualTo(201);
        Answer invitation = api.post("/api/v1/users/" + invited + "/invitation", admin, Map.of());
        assertThat(invitation.status()).as(invitation.body()).isBetween(200, 201);
        String invitationMessageId = jdbc.sql("SELECT external_id FROM outgoing_message WHERE recipient = ?")
                .param("rita@cliente-outage.example").query(String.class).single();
        Instant now = Instant.now();
        jdbc.sql("UPDATE outgoing_message SET next_attempt_at = ? WHERE recipient = 'rita@cliente-outage.example'")
                .param(Timestamp.from(now.plusSeconds(4))).update(); // sent only after the cut has begun
        // a clock that looks overdue from two seconds into the cut: the sweep, once back, reads it again from its terms
        Timestamp looksDue = Timestamp.from(now.plusSeconds(2));
        jdbc.sql("UPDATE sla_clock SET due_at = ? WHERE ticket_id = ? AND kind = 'RESOLUTION'").params(looksDue, ticket.id())
                .update();
        int logStart = output.getAll().length();

        proxy.cut();
        // a mail arrives while the database is away: it must become a ticket once, after
        deliver("rita@cliente-outage.example", "Durante o corte", "outage-" + UUID.randomUUID() + "@cliente-outage.example");

        for (int i = 0; i < 4; i++) {
            Timed<Answer> list = timed(() -> api.get("/api/v1/tickets?status=", admin));
            assertThat(list.took()).as("GET during the cut, try %d", i).isLessThan(PROMISE);
            assertThat(list.value().status()).as(list.value().body()).isEqualTo(503);
            assertThat(list.value().header("Retry-After")).hasValue("5");
            assertThat(list.value().json().path("type").asString()).isEqualTo("https://atende.example/problems/service-unavailable");
        }
        Timed<Answer> open = timed(() -> api.post("/api/v1/tickets", admin, Map.of("organisationId", organisation,
                "subject", "Durante o corte, pela API", "body", "Isto não pode ficar meio guardado.")));
        assertThat(open.took()).isLessThan(PROMISE);
        assertThat(open.value().status()).isEqualTo(503);

        Timed<Answer> health = timed(() -> api.get("/actuator/health", null));
        assertThat(health.took()).isLessThan(PROMISE);
        assertThat(health.value().status()).isEqualTo(503);
        assertThat(health.value().json().path("status").asString()).isEqualTo("DOWN");

        Timed<Answer> page = timed(() -> api.exchange("GET", "/login", null, BodyPublishers.noBody(), null,
                "Accept", "text/html", "Accept-Language", "pt-PT,pt;q=0.9"));
        assertThat(page.took()).isLessThan(PROMISE);
        assertThat(page.value().status()).isEqualTo(503);
        assertThat(page.value().header("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.value().body()).contains("Temporariamente indisponível", "Tente de novo dentro de 5 segundos");
        Answer spanish = api.exchange("GET", "/portal", null, BodyPublishers.noBody(), null,
                "Accept", "text/html", "Accept-Language", "es");
        assertThat(spanish.body()).contains("Temporalmente no disponible");
        assertThat(availability.isDown()).isTrue();

        Thread.sleep(5_000); // every job has had several turns while the database was away
        String duringOutage = output.getAll().substring(logStart);
        proxy.restore();

        waitFor(Duration.ofSeconds(15), () -> api.get("/actuator/health", null).status() == 200);
        assertThat(api.get("/api/v1/tickets/" + ticket.id(), admin).status()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM ticket WHERE subject = ?", subject)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM ticket WHERE subject = 'Durante o corte, pela API'")).isZero();
        Answer after = api.post("/api/v1/tickets", admin, Map.of("organisationId", organisation,
                "subject", "Depois do corte " + UUID.randomUUID(), "body", "Tudo normal outra vez."));
        assertThat(after.status()).as(after.body()).isEqualTo(201);

        // background work resumed by itself: the outbox sent the invitation once, the mailbox took the mail in once,
        // the sweep took up the clock that looked overdue while the database was away
        waitFor(Duration.ofSeconds(20), () -> received(invitationMessageId) >= 1
                && count("SELECT COUNT(*) FROM ticket WHERE subject = 'Durante o corte'") >= 1
                && count("SELECT COUNT(*) FROM sla_clock WHERE ticket_id = ? AND kind = 'RESOLUTION' AND due_at > ?",
                        ticket.id(), Timestamp.from(now.plus(Duration.ofHours(1)))) == 1);
        Thread.sleep(3_000); // more turns of every job: nothing may be done twice
        assertThat(received(invitationMessageId)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM outgoing_message WHERE external_id = ? AND state = 'SENT' AND attempts = 1",
                invitationMessageId)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM ticket WHERE subject = 'Durante o corte'")).isEqualTo(1);

        // and quietly: one line when the outage began, none for each request or turn of a job (only the few
        // transactions cut at that moment say so, once each)
        assertThat(occurrences(duringOutage, "The database is unreachable (")).isEqualTo(1);
        assertThat(duringOutage).doesNotContain("Unexpected failure", "Unexpected error occurred in scheduled task",
                "DataSource health check failed");
        assertThat(duringOutage.lines().filter(l -> l.matches("^\\d{4}-.* (WARN|ERROR) .*")).count()).isLessThanOrEqualTo(12);
        assertThat(output.getAll().substring(logStart)).contains("The database answers again");
    }

    @Test
    void cutsAStatementThatWaitsOnTheSilentNetworkWithinSeconds() throws Exception {
        assertThat(jdbc.sql("SELECT 1").query(Integer.class).single()).isEqualTo(1);
        CompletableFuture<Instant> failed = CompletableFuture.supplyAsync(() -> {
            try {
                jdbc.sql("SELECT pg_sleep(30)").query().singleValue();
                return null;
            } catch (RuntimeException e) {
                assertThat(DatabaseOutage.isCause(e)).as(e.toString()).isTrue();
                return Instant.now();
            }
        });
        Thread.sleep(300);
        Instant cut = Instant.now();
        proxy.cut();

        Instant at = failed.get(10, TimeUnit.SECONDS);
        assertThat(at).isNotNull();
        assertThat(Duration.between(cut, at)).isLessThan(PROMISE);
        Timed<RuntimeException> refused = timed(() -> {
            try {
                jdbc.sql("SELECT 1").query(Integer.class).single();
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        assertThat(refused.value()).isNotNull();
        assertThat(refused.took()).as("refused at once while the outage is known").isLessThan(Duration.ofMillis(200));
        proxy.restore();
        waitFor(Duration.ofSeconds(15), () -> !availability.isDown());
        assertThat(jdbc.sql("SELECT 2").query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void answersQuicklyWhenTheDatabaseRefusesConnections() {
        assertThat(api.get("/api/v1/tickets", admin).status()).isEqualTo(200);

        proxy.refuse();
        for (int i = 0; i < 3; i++) {
            Timed<Answer> list = timed(() -> api.get("/api/v1/tickets", admin));
            assertThat(list.took()).as("GET while refused, try %d", i).isLessThan(PROMISE);
            assertThat(list.value().status()).as(list.value().body()).isEqualTo(503);
            assertThat(list.value().json().path("type").asString()).isEqualTo("https://atende.example/problems/service-unavailable");
        }
        Timed<Answer> health = timed(() -> api.get("/actuator/health", null));
        assertThat(health.took()).isLessThan(PROMISE);
        assertThat(health.value().json().path("status").asString()).isEqualTo("DOWN");

        proxy.restore();
        waitFor(Duration.ofSeconds(15), () -> api.get("/actuator/health", null).status() == 200);
        assertThat(api.get("/api/v1/tickets", admin).status()).isEqualTo(200);
    }

    @Test
    void classifiesFailuresOfReachOnlyAsOutages() {
        assertThat(DatabaseOutage.isCause(new java.sql.SQLException("gone", "08006"))).isTrue();
        assertThat(DatabaseOutage.isCause(new RuntimeException(new java.sql.SQLException("shutting down", "57P01")))).isTrue();
        assertThat(DatabaseOutage.isCause(new org.springframework.jdbc.CannotGetJdbcConnectionException("no"))).isTrue();
        assertThat(DatabaseOutage.isCause(new java.sql.SQLException("duplicate", "23505"))).isFalse();
        assertThat(DatabaseOutage.isCause(new IllegalStateException(new java.net.ConnectException("smtp down")))).isFalse();
        assertThat(DatabaseOutage.isCause(new org.springframework.dao.DataIntegrityViolationException("unique"))).isFalse();
        assertThatThrownBy(() -> { throw new java.sql.SQLTransientConnectionException("pool", "08001"); })
                .matches(DatabaseOutage::isCause);
    }

    record Timed<T>(T value, Duration took) {
    }

    private static <T> Timed<T> timed(java.util.function.Supplier<T> call) {
        long start = System.nanoTime();
        T value = call.get();
        return new Timed<>(value, Duration.ofNanos(System.nanoTime() - start));
    }

    private static void waitFor(Duration limit, BooleanSupplier condition) {
        Instant end = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited %s", limit).isBefore(end);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private long count(String sql, Object... params) {
        try {
            return jdbc.sql(sql).params(params).query(Long.class).single();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private long policy() {
        return jdbc.sql("SELECT id FROM sla_policy WHERE name = 'Standard support terms'").query(Long.class).single();
    }

    private static long created(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.id();
    }

    private static Map<String, Object> user(String role, long organisation, long contact) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", "rita@cliente-outage.example");
        body.put("name", "Rita Sousa");
        body.put("role", role);
        body.put("organisationId", organisation);
        body.put("contactId", contact);
        return body;
    }

    /** How many mails with this Message-ID the SMTP server received. */
    private static long received(String messageId) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return m.getMessageID() != null && m.getMessageID().contains(messageId.replaceAll("[<>]", ""));
            } catch (MessagingException e) {
                return false;
            }
        }).count();
    }

    private static void deliver(String from, String subject, String messageId) throws MessagingException {
        String raw = "From: " + from + "\r\nTo: " + SUPPORT + "\r\nSubject: " + subject + "\r\nMessage-ID: <" + messageId
                + ">\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nEnviado durante o corte.\r\n";
        mail.getUserManager().getUser(SUPPORT).deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static TcpProxy proxyToPostgres() {
        Matcher m = HOST_PORT.matcher(PostgresSchema.serverUrl());
        assertThat(m.find()).as("a jdbc:postgresql://host:port/ URL in %s", PostgresSchema.URL_ENV).isTrue();
        return new TcpProxy(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)));
    }

    private static String throughProxy(String url) {
        return HOST_PORT.matcher(url).replaceFirst("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
