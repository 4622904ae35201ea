package org.atende.channels.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.atende.customers.ContactDraft;
import org.atende.customers.ContactSummary;
import org.atende.customers.Customers;
import org.atende.customers.Language;
import org.atende.customers.OrganisationDraft;
import org.atende.customers.OverQuotaPolicy;
import org.atende.customers.PlanDraft;
import org.atende.support.MovingTime;
import org.atende.tickets.Channel;
import org.atende.tickets.MessageKind;
import org.atende.tickets.MessageView;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the webhook's tests share: the desk on a random port with the WhatsApp channel configured and a
 * local stand-in for the Graph API, signed posts as Meta sends them, and waiting for the work that
 * follows the {@code 200}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "atende.whatsapp.phone-number-id=" + WebhookPayloads.PHONE_NUMBER_ID, "atende.whatsapp.access-token=test-token",
        "atende.whatsapp.app-secret=" + WebhookTestSupport.SECRET, "atende.whatsapp.verify-token=verify-me",
        "atende.notifications.dispatch-enabled=false", "atende.sla.sweep-enabled=false", "atende.whatsapp.ordering-window=PT0.2S",
        // a private in-memory H2 per context; the PostgreSQL subclasses replace it with their schema (dynamic properties win)
        "spring.datasource.url=jdbc:h2:mem:atende-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1", "spring.datasource.username=sa", "spring.datasource.password="})
@Import(MovingTime.class)
abstract class WebhookTestSupport {

    static final String SECRET = "app-secret-of-the-meta-app";
    static final FakeGraphApi GRAPH = FakeGraphApi.start("test-token");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Customers customers;
    @Autowired Tickets tickets;
    @Autowired org.atende.notifications.OutboxDispatch dispatch;
    @Autowired org.atende.knowledge.KnowledgeBase knowledge;
    @Autowired WhatsAppHealth health;

    final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("atende.whatsapp.graph-base-url", () -> GRAPH.baseUrl().toString());
    }

    @BeforeEach
    void atAKnownTime() {
        MovingTime.CLOCK.set("2026-11-25T10:00:00Z");
    }

    HttpResponse<String> post(String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/whatsapp"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> signed(String body) throws Exception {
        return post(body, WebhookSignature.sign(body.getBytes(StandardCharsets.UTF_8), SECRET));
    }

    /** Waits for the work that follows the 200 (it runs apart from the request). */
    void eventually(BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 600 && !done.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(done.getAsBoolean()).as("done in time").isTrue();
    }

    /** Waits until every stored notification's statuses are worked through and every queued message is taken in. */
    void processed() throws InterruptedException {
        eventually(() -> jdbc.sql("SELECT COUNT(*) FROM whatsapp_notification WHERE processed_at IS NULL").query(Long.class).single() == 0
                && jdbc.sql("SELECT COUNT(*) FROM whatsapp_inbound WHERE given_up_at IS NULL").query(Long.class).single() == 0);
    }

    ContactSummary contact(String phone, Language language) {
        return contact(phone, language, null, OverQuotaPolicy.ACCEPT_AND_FLAG);
    }

    ContactSummary contact(String phone, Language language, Integer allowance, OverQuotaPolicy policy) {
        long policyId = jdbc.sql("SELECT id FROM sla_policy WHERE name = 'Standard support terms'").query(Long.class).single();
        var plan = customers.createPlan(new PlanDraft("Plan " + UUID.randomUUID(), policyId, "MEDIUM", allowance, policy));
        var org = customers.createOrganisation(new OrganisationDraft("Org " + UUID.randomUUID(), plan.id(), language, null, List.of()));
        return customers.createContact(org.id(), new ContactDraft("Ana " + phone, UUID.randomUUID() + "@example.com", phone, language));
    }

    static String phone() {
        return "+3519" + String.valueOf(10_000_000 + (long) (Math.random() * 89_999_999)).substring(0, 8);
    }

    TicketView ticketOf(String wamid) {
        return tickets.lookup(new TicketId(jdbc.sql("SELECT ticket_id FROM whatsapp_message WHERE wamid = ?").param(wamid)
                .query(Long.class).single())).orElseThrow();
    }

    /** The ticket's timeline as an agent reads it. */
    List<org.atende.tickets.TimelineEventView> timelineOf(TicketId ticket) {
        return tickets.timeline(ticket, new org.atende.identity.Actor(new org.atende.identity.UserId(1), "x",
                org.atende.identity.Role.AGENT, null, null));
    }

    /** A reply the desk sent on WhatsApp (queued by the channel itself), with the wamid the Graph API gave it. */
    MessageView sentReply(ContactSummary contact, String wamid) {
        TicketView t = tickets.openFor(contact, new org.atende.tickets.OpenTicket(null, null, Channel.WHATSAPP, "Estado", "x",
                null, null, null, java.util.Set.of()));
        MessageView reply = tickets.reply(t.id(), org.atende.tickets.Reply.publicly("Está a caminho."), agent());
        // the reply was queued for WhatsApp; the Graph API took it and gave it this wamid
        jdbc.sql("UPDATE outgoing_message SET state = 'SENT', sent_at = CURRENT_TIMESTAMP, channel_message_id = ? WHERE ticket_message_id = ?")
                .params(wamid, reply.id()).update();
        tickets.recordDelivery(reply.id(), org.atende.tickets.DeliveryState.SENT, null);
        return reply;
    }

    /** A new agent of the desk. */
    org.atende.identity.Actor agent() {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO app_user (email, name, role, created_at) VALUES (?, 'Inês Agent', 'AGENT', CURRENT_TIMESTAMP)")
                .param(UUID.randomUUID() + "@atende.test").update(keys, "id");
        return new org.atende.identity.Actor(new org.atende.identity.UserId(keys.getKey().longValue()), "Inês Agent",
                org.atende.identity.Role.AGENT, null, null);
    }
}
