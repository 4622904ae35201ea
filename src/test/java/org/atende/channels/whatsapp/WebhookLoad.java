package org.atende.channels.whatsapp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.atende.AtendeApplication;
import org.atende.support.StatementCount;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Webhook throughput and acknowledgement latency: signed notifications (one text message each, from 200
 * numbers, new tickets and follow-ups) posted by 1, 8 and 32 concurrent clients to the desk on a scratch
 * PostgreSQL database, then a burst from 20 numbers (100 messages each, 32 clients); the latency is the time
 * to Meta's {@code 200} (the notification committed and its message queued), then the time until every
 * message is on a ticket (each waits the ordering window, 1 s, before it is taken in). Each measured run also prints
 * what a message cost, from the first notification until the last message is on its ticket: commits, rows written
 * and read, and CPU of the desk and of PostgreSQL ({@link StatementCount}). Run with
 * {@code mvn -Pwebhook-load test-compile exec:exec}.
 */
public final class WebhookLoad {

    private static final String DB = "atende_webhook_bench";
    private static final String SECRET = "bench-secret";
    private static final int PER_RUN = Integer.getInteger("notifications", 2000);

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DB);
            s.execute("CREATE DATABASE " + DB);
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AtendeApplication.class).run(Stream.of(
                "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + DB, "spring.datasource.username=postgres",
                "spring.datasource.password=", "server.port=0", "atende.whatsapp.phone-number-id=" + WebhookPayloads.PHONE_NUMBER_ID,
                "atende.whatsapp.access-token=t", "atende.whatsapp.app-secret=" + SECRET, "atende.whatsapp.verify-token=v",
                "atende.whatsapp.graph-base-url=http://127.0.0.1:9", "atende.notifications.dispatch-enabled=false",
                "atende.sla.sweep-enabled=false", "logging.level.root=WARN").map(p -> "--" + p).toArray(String[]::new))) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            run(port, jdbc, 8, 500, 200, "warmup");
            for (int clients : new int[] {1, 8, 32}) {
                run(port, jdbc, clients, PER_RUN, 200, "c" + clients);
            }
            // bursts: each number writes many messages at once, which are taken in one at a time, in order
            run(port, jdbc, 32, PER_RUN, 20, "burst");
        }
    }

    private static void run(int port, JdbcClient jdbc, int clients, int total, int numbers, String tag) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create("http://127.0.0.1:" + port + "/webhooks/whatsapp");
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(clients);
        long before = jdbc.sql("SELECT COUNT(*) FROM whatsapp_message").query(Long.class).single();
        StatementCount cost = new StatementCount(jdbc);
        boolean measured = !tag.equals("warmup");
        if (measured) {
            cost.start();
        }
        long start = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    try {
                        int i;
                        while ((i = next.getAndIncrement()) < total) {
                            String wa = (numbers == 200 ? "35191" : "35192") + String.format(Locale.ROOT, "%07d", i % numbers);
                            String body = WebhookPayloads.messages(wa, "Cliente " + (i % numbers), List.of(WebhookPayloads.text(
                                    "wamid." + tag + "." + i, wa, Instant.now().minusSeconds(1), "Mensagem " + i + " de teste de carga")));
                            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                            HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                                    .header("X-Hub-Signature-256", WebhookSignature.sign(bytes, SECRET))
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
                            long t0 = System.nanoTime();
                            HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
                            latencies.add(System.nanoTime() - t0);
                            if (r.statusCode() != 200) {
                                failures.incrementAndGet();
                            }
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    } finally {
                        done.countDown();
                    }
                });
            }
            done.await();
        }
        double acknowledged = (System.nanoTime() - start) / 1e9;
        while (jdbc.sql("SELECT COUNT(*) FROM whatsapp_message").query(Long.class).single() < before + total
                && (System.nanoTime() - start) / 1e9 < 600) {
            Thread.sleep(100);
        }
        double onTickets = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        if (measured) {
            System.out.printf(Locale.ROOT,
                    "clients=%d numbers=%d notifications=%d failed=%d acknowledged/s=%.1f p50=%.1fms p99=%.1fms all-on-tickets=%.1fs (%.1f messages/s)%n",
                    clients, numbers, total, failures.get(), total / acknowledged, percentile(sorted, 0.50), percentile(sorted, 0.99), onTickets,
                    total / onTickets);
            Thread.sleep(1000); // routing's batch and the report listeners after the last message's commit
            cost.printCpu(total, "message");
            cost.print(total, "message");
        }
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
