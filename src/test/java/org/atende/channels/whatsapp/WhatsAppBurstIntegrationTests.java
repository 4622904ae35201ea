package org.atende.channels.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.atende.tickets.MessageView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Bursts as Meta sends them: many notifications at once, each its own request, arriving in any order.
 * One sender's messages are taken in one at a time and in the order they were written, so a new number
 * writing ten messages at once becomes one contact with one ticket holding ten messages; different
 * senders never wait for each other.
 */
@TestPropertySource(properties = "atende.whatsapp.ordering-window=PT4S")
class WhatsAppBurstIntegrationTests extends WebhookTestSupport {

    static final Instant WRITTEN = Instant.parse("2026-11-25T09:00:00Z");

    @Autowired DataSource dataSource;

    /** The instances the posts are spread over (one here; two on PostgreSQL). */
    List<Integer> ports() {
        return List.of(port);
    }

    HttpResponse<String> signedTo(int port, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/whatsapp"))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", WebhookSignature.sign(body.getBytes(StandardCharsets.UTF_8), SECRET))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String newNumber() {
        return "3519" + String.valueOf(10_000_000 + (long) (Math.random() * 89_999_999)).substring(0, 8);
    }

    /** Posts every body at once (in the order given, from up to 16 clients, spread over the instances); all must get 200. */
    void allAtOnce(List<String> bodies) throws Exception {
        var start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        List<Integer> ports = ports();
        try (var pool = Executors.newFixedThreadPool(Math.min(16, bodies.size()))) {
            for (int i = 0; i < bodies.size(); i++) {
                String body = bodies.get(i);
                int to = ports.get(i % ports.size());
                answers.add(pool.submit(() -> {
                    start.await();
                    return signedTo(to, body).statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> a : answers) {
                assertThat(a.get()).isEqualTo(200);
            }
        }
    }

    /** {@code n} messages written a second apart by one new number, each in its own notification, posted in a shuffled order. */
    void aBurstFromANewNumber(int n) throws Exception {
        String wa = newNumber();
        List<String> bodies = new ArrayList<>(IntStream.range(0, n).mapToObj(i -> WebhookPayloads.messages(wa, "Rita Lopes",
                List.of(WebhookPayloads.text("wamid.B" + i + "x" + wa, wa, WRITTEN.plusSeconds(i), "Mensagem " + i)))).toList());
        Collections.shuffle(bodies, new Random(n));

        allAtOnce(bodies);
        processed();

        assertThat(jdbc.sql("SELECT wamid, outcome, ticket_id, detail FROM whatsapp_message WHERE wa_id = ? ORDER BY id").param(wa)
                .query((rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)).list())
                .as("what became of the burst").hasSize(n).allSatisfy(line -> assertThat(line).doesNotContain("null null"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact WHERE phone = ?").param("+" + wa).query(Long.class).single())
                .as("one contact").isEqualTo(1);
        long contact = jdbc.sql("SELECT id FROM contact WHERE phone = ?").param("+" + wa).query(Long.class).single();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ticket WHERE requester_contact_id = ?").param(contact).query(Long.class).single())
                .as("one ticket").isEqualTo(1);
        List<String> bodiesOnTheTicket = tickets.messagesOf(ticketOf("wamid.B0x" + wa).id()).stream().map(MessageView::body).toList();
        assertThat(bodiesOnTheTicket).as("every message, in the order written")
                .containsExactlyElementsOf(IntStream.range(0, n).mapToObj(i -> "Mensagem " + i).toList());
        assertThat(jdbc.sql("SELECT outcome, COUNT(*) FROM whatsapp_message WHERE wa_id = ? GROUP BY outcome").param(wa)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list())
                .containsExactlyInAnyOrder(Map.entry("TICKET_OPENED", 1L), Map.entry("MESSAGE_ADDED", (long) n - 1));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outgoing_message WHERE recipient = ? AND purpose = 'ACKNOWLEDGEMENT'").param(wa)
                .query(Long.class).single()).as("one acknowledgement").isEqualTo(1);
    }

    @Test
    void tenNotificationsAtOnceFromANewNumberMakeOneContactOneTicketAndTenMessagesInOrder() throws Exception {
        aBurstFromANewNumber(10);
    }

    @Test
    void fiftyNotificationsAtOnceFromANewNumberMakeOneContactOneTicketAndFiftyMessagesInOrder() throws Exception {
        aBurstFromANewNumber(50);
    }

    @Test
    void aBurstFromManyNumbersAtOnceMakesOneTicketForEach() throws Exception {
        List<String> numbers = IntStream.range(0, 20).mapToObj(i -> newNumber()).toList();
        List<String> bodies = new ArrayList<>();
        for (String wa : numbers) {
            for (int i = 0; i < 3; i++) {
                bodies.add(WebhookPayloads.messages(wa, "Cliente " + wa, List.of(WebhookPayloads.text("wamid.M" + i + "x" + wa, wa,
                        WRITTEN.plusSeconds(i), wa + " escreve " + i))));
            }
        }
        Collections.shuffle(bodies, new Random(20));

        allAtOnce(bodies);
        processed();

        for (String wa : numbers) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM contact WHERE phone = ?").param("+" + wa).query(Long.class).single()).isEqualTo(1);
            assertThat(tickets.messagesOf(ticketOf("wamid.M0x" + wa).id())).extracting(MessageView::body)
                    .containsExactly(wa + " escreve 0", wa + " escreve 1", wa + " escreve 2");
        }
    }

    @Test
    void aSenderWhoseMessagesAreBeingTakenInHoldsUpNoOtherSender() throws Exception {
        String slow = newNumber();
        String other = newNumber();
        signedTo(port, WebhookPayloads.messages(slow, "Lenta", List.of(WebhookPayloads.text("wamid.S1x" + slow, slow, WRITTEN, "Primeira"))));
        signedTo(port, WebhookPayloads.messages(other, "Outra", List.of(WebhookPayloads.text("wamid.O1x" + other, other, WRITTEN, "Olá"))));
        processed();

        try (Connection worker = dataSource.getConnection()) { // as if a worker were busy with the slow sender's message
            worker.setAutoCommit(false);
            worker.createStatement().executeQuery("SELECT address FROM whatsapp_sender WHERE address = '" + slow + "' FOR UPDATE").close();
            allAtOnce(List.of(
                    WebhookPayloads.messages(slow, "Lenta", List.of(WebhookPayloads.text("wamid.S2x" + slow, slow, WRITTEN.plusSeconds(5),
                            "Segunda"))),
                    WebhookPayloads.messages(other, "Outra", List.of(WebhookPayloads.text("wamid.O2x" + other, other, WRITTEN.plusSeconds(5),
                            "Continuo")))));
            eventually(() -> jdbc.sql("SELECT COUNT(*) FROM whatsapp_message WHERE wamid = ?").param("wamid.O2x" + other)
                    .query(Long.class).single() == 1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM whatsapp_message WHERE wamid = ?").param("wamid.S2x" + slow).query(Long.class)
                    .single()).as("still waiting for its sender").isZero();
            worker.rollback();
        }
        processed();
        assertThat(tickets.messagesOf(ticketOf("wamid.S1x" + slow).id())).extracting(MessageView::body).containsExactly("Primeira", "Segunda");
    }
}
