package org.atende.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.atende.channels.whatsapp.FakeGraphApi;
import org.atende.support.Api;
import org.atende.support.PostgresSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

/**
 * Three instances of the packaged desk behind HAProxy on one PostgreSQL, started by {@code deploy/cluster.sh}
 * as an operator would, under a bounded load of ticket opens, agents' replies, WhatsApp webhook calls and
 * mail into a GreenMail mailbox that all three read; instance 2 is killed with {@code kill -9} a third of
 * the way through. Then, once the survivors have worked off what was left:
 * <ul>
 * <li>every ticket, reply, webhook message and mail the desk acknowledged exists exactly once, and nothing
 * attempted exists twice;</li>
 * <li>every outgoing message was sent, and none twice, but for at most the one the killed instance was
 * sending when it died (an e-mail keeps its Message-ID then, so the recipient sees one);</li>
 * <li>every SLA warning and breach was marked once (the clocks of WhatsApp messages written hours ago are
 * past their targets), by whichever instance's sweep got there;</li>
 * <li>a page session signed in before the kill goes on working through the others.</li>
 * </ul>
 * In {@code mvn verify} (failsafe, after the jar is built): about three minutes on a quiet two-core machine.
 */
class ClusterFailoverIT {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path JAR = Path.of(System.getProperty("atende.jar", "target/atende.jar")).toAbsolutePath();
    static final Path DIR = ROOT.resolve("target/cluster-it");
    static final String SUPPORT = "support@atende.test";
    static final String ADMIN = "cluster.admin@atende.test";
    static final String ADMIN_PASSWORD = "velvet orbit, 48 quarry lanterns";
    static final String APP_SECRET = "cluster-app-secret-7c1e";
    static final String ACCESS_TOKEN = "cluster-access-token";
    static final String PHONE_NUMBER_ID = "110022003300440";
    static final String MAIL_DOMAIN = "cluster-mail.example";
    static final Duration LOAD = Duration.ofSeconds(30);
    static final Duration KILL_AFTER = Duration.ofSeconds(10);

    @RegisterExtension
    static final PostgresSchema schema = PostgresSchema.createFor(ClusterFailoverIT.class);

    private static final java.util.Set<Integer> GIVEN_PORTS = new java.util.HashSet<>(); // before the first freePort()
    static final int LB = freePort();
    static final List<Integer> INSTANCES = List.of(freePort(), freePort(), freePort());
    static GreenMail mail;
    static GreenMailUser supportBox;
    static FakeGraphApi graph;
    static JdbcClient db;
    static Connection connection;

    @BeforeAll
    static void startTheCluster() throws Exception {
        int smtp = freePort();
        int imap = freePort();
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(smtp, "127.0.0.1", "smtp"), new ServerSetup(imap, "127.0.0.1", "imap")});
        mail.start();
        supportBox = mail.setUser(SUPPORT, SUPPORT, "secret");
        graph = FakeGraphApi.start(ACCESS_TOKEN);
        connection = DriverManager.getConnection(schema.jdbcUrl());
        db = JdbcClient.create(new SingleConnectionDataSource(connection, true));

        Map<String, String> env = new LinkedHashMap<>();
        env.put("ATENDE_DB_URL", schema.jdbcUrl());
        env.put("ATENDE_CLUSTER_DIR", DIR.toString());
        env.put("ATENDE_CLUSTER_PORT", String.valueOf(LB));
        env.put("ATENDE_CLUSTER_INSTANCE_PORTS", INSTANCES.stream().map(String::valueOf).collect(Collectors.joining(" ")));
        env.put("ATENDE_JAR", JAR.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("ATENDE_JAVA_OPTS", "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        env.put("ATENDE_CLUSTER_START_TIMEOUT", "600");
        env.put("ATENDE_BOOTSTRAP_ADMIN_EMAIL", ADMIN);
        env.put("ATENDE_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // every hour counts, so that clocks started hours ago are past their targets whatever day this runs
        for (String day : List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")) {
            env.put("ATENDE_CALENDAR_WEEK_" + day, "00:00-24:00");
        }
        env.put("ATENDE_CALENDAR_HOLIDAYRULES", "");
        env.put("ATENDE_SLA_SWEEPINTERVAL", "PT2S");
        env.put("ATENDE_NOTIFICATIONS_DISPATCHINTERVAL", "PT1S");
        env.put("ATENDE_EMAIL_ADDRESS", SUPPORT);
        env.put("ATENDE_EMAIL_MAILBOXES_0_HOST", "127.0.0.1");
        env.put("ATENDE_EMAIL_MAILBOXES_0_PORT", String.valueOf(imap));
        env.put("ATENDE_EMAIL_MAILBOXES_0_TLS", "false");
        env.put("ATENDE_EMAIL_MAILBOXES_0_USERNAME", SUPPORT);
        env.put("ATENDE_EMAIL_MAILBOXES_0_PASSWORD", "secret");
        env.put("ATENDE_EMAIL_MAILBOXES_0_POLLINTERVAL", "PT1S");
        env.put("ATENDE_EMAIL_ACKNOWLEDGEMENTSPERHOUR", "1000");
        env.put("SPRING_MAIL_HOST", "127.0.0.1");
        env.put("SPRING_MAIL_PORT", String.valueOf(smtp));
        env.put("ATENDE_WHATSAPP_PHONENUMBERID", PHONE_NUMBER_ID);
        env.put("ATENDE_WHATSAPP_ACCESSTOKEN", ACCESS_TOKEN);
        env.put("ATENDE_WHATSAPP_APPSECRET", APP_SECRET);
        env.put("ATENDE_WHATSAPP_VERIFYTOKEN", "cluster-verify");
        env.put("ATENDE_WHATSAPP_GRAPHBASEURL", graph.baseUrl().toString());
        env.put("ATENDE_WHATSAPP_RETRYINTERVAL", "PT2S");
        env.put("ATENDE_WHATSAPP_ACKNOWLEDGEMENTSPERHOUR", "1000");
        CLUSTER_ENV.putAll(env);
        cluster("start");
    }

    static final Map<String, String> CLUSTER_ENV = new LinkedHashMap<>();

    @AfterAll
    static void stopTheCluster() throws Exception {
        try {
            cluster("stop");
        } finally {
            if (graph != null) {
                graph.close();
            }
            if (mail != null) {
                mail.stop();
            }
            if (connection != null) {
                connection.close();
            }
        }
    }

    @Test
    void losesNothingAndDoesNothingTwiceWhenAnInstanceIsKilledUnderLoad() throws Exception {
        // -------- the desk: an admin's token (through a page session), a customer and their token
        Browser adminPages = new Browser();
        adminPages.signIn(ADMIN, ADMIN_PASSWORD);
        String admin = adminPages.issueOwnToken();
        Api api = new Api("http://127.0.0.1:" + LB);
        long policy = 0;
        for (JsonNode p : api.get("/api/v1/sla-policies", admin).json()) {
            if (p.path("name").asString().equals("Standard support terms")) {
                policy = p.path("id").asLong();
            }
        }
        long plan = created(api.post("/api/v1/plans", admin, Map.of("name", "Cluster plan", "slaPolicyId", policy,
                "defaultPriority", "URGENT")));
        long organisation = created(api.post("/api/v1/organisations", admin, Map.of("name", "Cluster customer", "planId", plan,
                "language", "PT", "emailDomains", List.of(MAIL_DOMAIN))));
        long contact = created(api.post("/api/v1/organisations/" + organisation + "/contacts", admin,
                Map.of("name", "Clara Cluster", "email", "clara@" + MAIL_DOMAIN, "language", "PT")));
        long customerUser = created(api.post("/api/v1/users", admin, Map.of("email", "clara.app@" + MAIL_DOMAIN, "name", "Clara App",
                "role", "CUSTOMER", "organisationId", organisation, "contactId", contact)));
        String customer = api.post("/api/v1/users/" + customerUser + "/tokens", admin, Map.of("name", "app")).json()
                .path("secret").asString();
        // the session is the database's: the instances one by one accept it before anything dies
        for (int port : INSTANCES) {
            assertThat(adminPages.deskPage(port)).as("instance on %d knows the session", port).isTrue();
        }

        // -------- the load, with instance 2 killed a third of the way through
        Load load = new Load();
        Instant start = Instant.now();
        Instant end = start.plus(LOAD);
        ExecutorService workers = Executors.newFixedThreadPool(7);
        workers.submit(() -> load.opens(api, customer, end));
        workers.submit(() -> load.opens(api, customer, end));
        workers.submit(() -> load.replies(api, admin, end));
        workers.submit(() -> load.webhooks(end));
        workers.submit(() -> load.mails(end));
        workers.submit(() -> load.pages(adminPages, end));
        Thread.sleep(KILL_AFTER.toMillis());
        Instant killedAt = Instant.now();
        cluster("kill", "2");
        workers.shutdown();
        assertThat(workers.awaitTermination(LOAD.toSeconds() + 60, TimeUnit.SECONDS)).isTrue();
        load.failures.forEach(f -> System.out.println("load: " + f));

        // -------- the survivors work off what was left: mail, webhook notifications, the outbox, the sweeps
        eventually(Duration.ofSeconds(180), "everything worked off", () ->
                count("SELECT COUNT(*) FROM inbound_mail") >= load.mails.size()
                        && count("SELECT COUNT(*) FROM whatsapp_notification WHERE processed_at IS NULL") == 0
                        && count("SELECT COUNT(*) FROM outgoing_message WHERE state = 'QUEUED'") == 0
                        && count("""
                                SELECT COUNT(*) FROM sla_clock WHERE state = 'RUNNING' AND stopped_at IS NULL AND excluded_since IS NULL
                                AND breached_at IS NULL AND due_at < CURRENT_TIMESTAMP - INTERVAL '5' SECOND""") == 0);

        // -------- nothing acknowledged is lost, nothing is there twice
        assertThat(load.opened).as("ticket opens acknowledged").hasSizeGreaterThanOrEqualTo(10);
        for (String subject : load.attemptedOpens) {
            long found = count("SELECT COUNT(*) FROM ticket WHERE subject = ?", subject);
            assertThat(found).as("tickets with subject %s", subject).isEqualTo(load.opened.contains(subject) ? 1 : found);
            assertThat(found).as("tickets with subject %s", subject).isLessThanOrEqualTo(1);
        }
        assertThat(load.replied).as("replies acknowledged").hasSizeGreaterThanOrEqualTo(5);
        for (String body : load.attemptedReplies) {
            long found = count("SELECT COUNT(*) FROM message WHERE body = ?", body);
            assertThat(found).as("messages %s", body).isLessThanOrEqualTo(1);
            if (load.replied.contains(body)) {
                assertThat(found).as("acknowledged reply %s", body).isEqualTo(1);
            }
        }
        assertThat(load.acknowledgedWamids).as("webhook messages acknowledged").hasSizeGreaterThanOrEqualTo(10);
        for (String wamid : load.attemptedWamids) {
            long found = count("SELECT COUNT(*) FROM whatsapp_message WHERE wamid = ?", wamid);
            assertThat(found).as("messages with wamid %s", wamid).isEqualTo(load.acknowledgedWamids.contains(wamid) ? 1 : found)
                    .isLessThanOrEqualTo(1);
        }
        assertThat(count("SELECT COUNT(*) FROM (SELECT contact_id FROM whatsapp_message GROUP BY contact_id HAVING COUNT(DISTINCT ticket_id) > 1) x"))
                .as("a WhatsApp sender with more than one ticket").isZero();
        assertThat(load.mails).as("mails delivered").hasSizeGreaterThanOrEqualTo(10);
        for (String messageId : load.mails) {
            assertThat(count("SELECT COUNT(*) FROM inbound_mail WHERE message_id = ? AND outcome = 'TICKET_OPENED'", messageId))
                    .as("mail %s taken in", messageId).isEqualTo(1);
        }
        assertThat(count("SELECT COUNT(DISTINCT ticket_id) FROM inbound_mail")).isEqualTo(load.mails.size());

        // -------- every outgoing message sent, and none twice but the one the killed instance may have had in hand
        assertThat(count("SELECT COUNT(*) FROM outgoing_message WHERE state <> 'SENT'")).as("outgoing messages not sent").isZero();
        Map<String, Integer> copies = new LinkedHashMap<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            String[] to = m.getHeader("To");
            if (to != null && to[0].contains(SUPPORT)) {
                continue; // a customer's mail to the desk, not the desk's
            }
            copies.merge(m.getMessageID().replaceAll("^<|>$", ""), 1, Integer::sum);
        }
        List<String> emailed = texts("SELECT external_id FROM outgoing_message WHERE channel = 'EMAIL'");
        assertThat(emailed).as("mails the desk sent").isNotEmpty();
        for (String id : emailed) {
            assertThat(copies.getOrDefault(id, 0)).as("copies of %s received", id).isGreaterThanOrEqualTo(1);
        }
        assertThat(copies.keySet()).as("mails no outgoing message explains").isSubsetOf(emailed);
        int mailTwice = copies.values().stream().mapToInt(n -> n - 1).sum();
        List<String> whatsapped = texts("SELECT channel_message_id FROM outgoing_message WHERE channel = 'WHATSAPP'");
        assertThat(whatsapped).as("WhatsApp messages the desk sent").isNotEmpty().doesNotContainNull().doesNotHaveDuplicates()
                .allSatisfy(wamid -> assertThat(wamid).startsWith("wamid.fake-"));
        int whatsappTwice = graph.messages().size() - whatsapped.size();
        assertThat(mailTwice + whatsappTwice).as("sends made twice (mail %d, WhatsApp %d)", mailTwice, whatsappTwice)
                .isLessThanOrEqualTo(1);

        // -------- every SLA mark once, whichever instance's sweep made it
        long breached = count("SELECT COUNT(*) FROM sla_clock WHERE breached_at IS NOT NULL");
        long warned = count("SELECT COUNT(*) FROM sla_clock WHERE warned_at IS NOT NULL");
        assertThat(breached).as("clocks breached (WhatsApp messages from hours ago)").isGreaterThan(5);
        assertThat(count("SELECT COUNT(*) FROM timeline_event WHERE kind = 'SLA_BREACHED'")).isEqualTo(breached);
        assertThat(count("SELECT COUNT(*) FROM timeline_event WHERE kind = 'SLA_WARNING'")).isEqualTo(warned);
        assertThat(count("""
                SELECT COUNT(*) FROM (SELECT ticket_id, field FROM timeline_event WHERE kind IN ('SLA_BREACHED', 'SLA_WARNING')
                GROUP BY ticket_id, field, kind HAVING COUNT(*) > 1) x""")).as("clocks marked twice").isZero();

        // -------- the page session went on through the others
        assertThat(load.pageAnswers.stream().filter(a -> a.at().isAfter(killedAt.plusSeconds(3))))
                .as("desk pages after the kill").hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(a -> assertThat(a.signedIn()).as("%s", a).isTrue());
        assertThat(adminPages.deskPage(LB)).isTrue();
        System.out.printf("cluster: %d opens, %d replies, %d webhook messages, %d mails acknowledged; %d mails and %d WhatsApp"
                        + " messages sent (%d twice); %d breaches and %d warnings marked; %d desk pages%n", load.opened.size(),
                load.replied.size(), load.acknowledgedWamids.size(), load.mails.size(), emailed.size(), whatsapped.size(),
                mailTwice + whatsappTwice, breached, warned, load.pageAnswers.size());
    }

    /** What the load did: what it tried, what the desk acknowledged. */
    static final class Load {

        final Set<String> attemptedOpens = ConcurrentHashMap.newKeySet();
        final Set<String> opened = ConcurrentHashMap.newKeySet();
        final Map<Long, Boolean> openedIds = new ConcurrentHashMap<>();
        final Set<String> attemptedReplies = ConcurrentHashMap.newKeySet();
        final Set<String> replied = ConcurrentHashMap.newKeySet();
        final Set<String> attemptedWamids = ConcurrentHashMap.newKeySet();
        final Set<String> acknowledgedWamids = ConcurrentHashMap.newKeySet();
        final Set<String> mails = ConcurrentHashMap.newKeySet();
        final ConcurrentLinkedQueue<PageAnswer> pageAnswers = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        final AtomicInteger sequence = new AtomicInteger();

        void opens(Api api, String customer, Instant end) {
            while (Instant.now().isBefore(end)) {
                String subject = "load-open-" + sequence.incrementAndGet();
                attemptedOpens.add(subject);
                try {
                    Api.Answer a = api.post("/api/v1/tickets", customer, Map.of("subject", subject, "body", "Não funciona: " + subject));
                    if (a.status() == 201) {
                        opened.add(subject);
                        openedIds.put(a.id(), true);
                    } else {
                        failures.add("open " + subject + ": " + a.status());
                    }
                } catch (RuntimeException e) {
                    failures.add("open " + subject + ": " + e.getMessage());
                }
                pause(150);
            }
        }

        void replies(Api api, String admin, Instant end) {
            while (Instant.now().isBefore(end)) {
                List<Long> tickets = new ArrayList<>(openedIds.keySet());
                tickets.addAll(ids("SELECT ticket_id FROM whatsapp_message WHERE ticket_id IS NOT NULL ORDER BY id DESC LIMIT 20"));
                tickets.addAll(ids("SELECT ticket_id FROM inbound_mail WHERE ticket_id IS NOT NULL ORDER BY id DESC LIMIT 20"));
                if (tickets.isEmpty()) {
                    pause(200);
                    continue;
                }
                long ticket = tickets.get(ThreadLocalRandom.current().nextInt(tickets.size()));
                String body = "load-reply-" + sequence.incrementAndGet();
                attemptedReplies.add(body);
                try {
                    Api.Answer a = api.post("/api/v1/tickets/" + ticket + "/messages", admin, Map.of("body", body));
                    if (a.status() == 201) {
                        replied.add(body);
                    } else if (a.status() != 409) { // 409: a closed ticket, refused as it should be
                        failures.add("reply " + body + ": " + a.status() + " " + a.body());
                    }
                } catch (RuntimeException e) {
                    failures.add("reply " + body + ": " + e.getMessage());
                }
                pause(200);
            }
        }

        void webhooks(Instant end) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            List<String> sent = new ArrayList<>();
            while (Instant.now().isBefore(end)) {
                int n = sequence.incrementAndGet();
                String wamid = "wamid.in." + n;
                // written hours ago (a phone that was offline): the clocks start then, and are past their targets now
                long hoursAgo = n % 2 == 0 ? 30 : 20;
                String body = notification(wamid, "3519300" + String.format("%05d", n), Instant.now().minus(Duration.ofHours(hoursAgo)));
                attemptedWamids.add(wamid);
                if (post(client, body)) {
                    acknowledgedWamids.add(wamid);
                }
                sent.add(body);
                if (n % 5 == 0) { // Meta delivers some notifications twice
                    post(client, sent.get(ThreadLocalRandom.current().nextInt(sent.size())));
                }
                pause(250);
            }
        }

        private boolean post(HttpClient client, String body) {
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + LB + "/webhooks/whatsapp"))
                        .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
                        .header("X-Hub-Signature-256", "sha256=" + hmac(body)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    failures.add("webhook: " + r.statusCode());
                }
                return r.statusCode() == 200;
            } catch (IOException | InterruptedException e) {
                failures.add("webhook: " + e);
                return false;
            }
        }

        void mails(Instant end) {
            Session session = Session.getInstance(new Properties());
            while (Instant.now().isBefore(end)) {
                int n = sequence.incrementAndGet();
                String id = "mail-load-" + n + "@" + MAIL_DOMAIN;
                String raw = "From: Cliente " + n + " <cliente" + n + "@" + MAIL_DOMAIN + ">\r\nTo: " + SUPPORT + "\r\nSubject: mail-load-" + n
                        + "\r\nMessage-ID: <" + id + ">\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                        + "A impressora " + n + " não imprime.\r\n";
                try {
                    supportBox.deliver(new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
                    mails.add(id);
                } catch (Exception e) {
                    failures.add("mail " + id + ": " + e);
                }
                pause(400);
            }
        }

        void pages(Browser browser, Instant end) {
            while (Instant.now().isBefore(end)) {
                Instant at = Instant.now();
                try {
                    pageAnswers.add(new PageAnswer(at, browser.deskPage(LB)));
                } catch (RuntimeException e) {
                    pageAnswers.add(new PageAnswer(at, false));
                }
                pause(300);
            }
        }

        private static void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    record PageAnswer(Instant at, boolean signedIn) {
    }

    /** A browser's session with the desk's pages: cookies kept, the CSRF token of the last page sent back. */
    static final class Browser {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        void signIn(String email, String password) throws Exception {
            HttpResponse<String> login = send(HttpRequest.newBuilder(uri(LB, "/login")).GET());
            Matcher csrf = CSRF.matcher(login.body());
            assertThat(csrf.find()).as(login.body()).isTrue();
            String form = "username=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
            HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri(LB, "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        }

        String issueOwnToken() throws Exception {
            JsonNode csrf = Api.JSON.readTree(send(HttpRequest.newBuilder(uri(LB, "/account/csrf")).GET()).body());
            HttpResponse<String> issued = send(HttpRequest.newBuilder(uri(LB, "/account/tokens"))
                    .header("Content-Type", "application/json").header(csrf.path("headerName").asString(), csrf.path("token").asString())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"cluster test\"}")));
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
            return Api.JSON.readTree(issued.body()).path("secret").asString();
        }

        /** Whether the agent desk answers this session on {@code port} (an instance's, or the load balancer's) as signed in. */
        boolean deskPage(int port) {
            try {
                HttpResponse<String> page = send(HttpRequest.newBuilder(uri(port, "/desk/queues/all")).GET());
                return page.statusCode() == 200 && !page.body().contains("name=\"password\"");
            } catch (IOException | InterruptedException e) {
                return false;
            }
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return client.send(request.timeout(Duration.ofSeconds(15)).header("Accept-Language", "en").build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private static URI uri(int port, String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }

    static String notification(String wamid, String from, Instant written) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102938475610293","changes":[{"field":"messages","value":{
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"351210000000","phone_number_id":"%s"},
                "contacts":[{"profile":{"name":"Cliente %s"},"wa_id":"%s"}],
                "messages":[{"from":"%s","id":"%s","timestamp":"%d","type":"text","text":{"body":"O pagamento %s falhou"}}]}}]}]}"""
                .formatted(PHONE_NUMBER_ID, from, from, from, wamid, written.getEpochSecond(), wamid);
    }

    static String hmac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The database is read over one connection, by one thread at a time. */
    static synchronized List<Long> ids(String sql) {
        return db.sql(sql).query(Long.class).list();
    }

    static synchronized List<String> texts(String sql) {
        return db.sql(sql).query(String.class).list();
    }

    static synchronized long count(String sql, Object... params) {
        return db.sql(sql).params(params).query(Long.class).single();
    }

    static long created(Api.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.id();
    }

    static void eventually(Duration within, String what, BooleanSupplier done) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (!done.getAsBoolean()) {
            assertThat(Instant.now()).as("%s within %s", what, within).isBefore(deadline);
            Thread.sleep(1000);
        }
    }

    static void cluster(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("deploy/cluster.sh").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(DIR.resolve("cluster.out").toFile()));
        DIR.toFile().mkdirs();
        builder.environment().putAll(CLUSTER_ENV);
        Process process = builder.start();
        assertThat(process.waitFor(11, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("deploy/cluster.sh %s; see %s", String.join(" ", arguments), DIR).isZero();
    }

    /**
     * A port free now, below the kernel's ephemeral range (32768 and up here): the instances bind theirs only after
     * the mail and Graph servers of this test have bound theirs with port 0, and a port from the ephemeral range
     * could meanwhile be handed to one of those (seen: "Port … was already in use").
     */
    static int freePort() {
        java.util.Random random = new java.util.Random();
        for (int i = 0; i < 200; i++) {
            int port = 20_000 + random.nextInt(12_000);
            try (ServerSocket s = new ServerSocket(port)) {
                if (GIVEN_PORTS.add(port)) {
                    return port;
                }
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between 20000 and 32000");
    }
}
