package org.atende.techservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.atende.support.Api.Answer;
import org.atende.support.ApiIntegrationSupport;
import org.atende.support.MovingTime;
import org.atende.support.MutableClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * The application over real HTTP with a clock the tests move and the scheduled sweeps off (tests run
 * passes themselves). Each test gets two organisations, each with a customer, an agent and a lead, and a
 * technical-service ticket opened by the first organisation's customer; it is Monday 2026-07-20, 11:00 in
 * Lisbon.
 */
@Import({MovingTime.class, PublishedQuoteEvents.class})
@TestPropertySource(properties = {"atende.techservice.expiry-enabled=false", "atende.sla.sweep-enabled=false"})
abstract class QuoteApiSupport extends ApiIntegrationSupport {

    static final String PROBLEMS = "https://atende.example/problems/";
    static final MutableClock CLOCK = MovingTime.CLOCK;

    @Autowired
    PublishedQuoteEvents.Log published;

    @Autowired
    QuoteExpiry expiry;

    long acme;            // the customer's organisation
    long globex;          // another organisation
    String ana;           // customer at Acme
    String bruno;         // customer at Globex
    String agent;
    String lead;
    long ticket;          // Acme's technical-service ticket

    @BeforeEach
    void desk() {
        CLOCK.set("2026-07-20T10:00:00Z");
        published.clear();
        acme = createOrganisation();
        globex = createOrganisation();
        ana = customerOf(acme);
        bruno = customerOf(globex);
        agent = tokenForNew("AGENT");
        lead = tokenForNew("LEAD");
        ticket = technicalTicket(ana);
    }

    String customerOf(long organisation) {
        long contact = createContact(organisation, unique("contact") + "@customer.example");
        return tokenFor(createUser("CUSTOMER", organisation, contact));
    }

    long technicalTicket(String customer) {
        Answer t = api.post("/api/v1/tickets", customer, Map.of("subject", "Recuperar faturas apagadas",
                "body", "Apagámos 120 faturas por engano", "type", "TECHNICAL_SERVICE", "category", "restore_deleted_items"));
        assertThat(t.status()).as(t.body()).isEqualTo(201);
        return t.id();
    }

    static Map<String, Object> terms(String description, String hours, long cents, String validUntil) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("description", description);
        body.put("estimatedHours", new java.math.BigDecimal(hours));
        body.put("amountCents", cents);
        body.put("validUntil", validUntil);
        return body;
    }

    Answer draft(long ticketId, Map<String, Object> body) {
        return api.post("/api/v1/tickets/" + ticketId + "/quotes", agent, body);
    }

    /** A draft on the test's ticket: 6.5 hours, 480.00 EUR, valid through 2026-07-31. */
    long draft() {
        return draft(ticket, 48_000);
    }

    long draft(long ticketId, long cents) {
        Answer d = draft(ticketId, terms("Restaurar as 120 faturas apagadas a 2026-07-01", "6.5", cents, "2026-07-31"));
        assertThat(d.status()).as(d.body()).isEqualTo(201);
        return d.id();
    }

    long sent() {
        long id = draft();
        ok(step(id, "send", agent));
        return id;
    }

    long accepted() {
        long id = sent();
        ok(step(id, "accept", ana));
        return id;
    }

    long done() {
        long id = accepted();
        ok(step(id, "done", agent));
        return id;
    }

    Answer step(long quote, String step, String token) {
        return step(quote, step, token, null);
    }

    Answer step(long quote, String step, String token, @Nullable Map<String, Object> body) {
        return body == null ? api.send("POST", "/api/v1/quotes/" + quote + "/" + step, token, null, null)
                : api.post("/api/v1/quotes/" + quote + "/" + step, token, body);
    }

    Answer invoice(long quote, String token, String reference) {
        return step(quote, "invoice", token, Map.of("invoiceReference", reference));
    }

    Answer get(long quote, String token) {
        return api.get("/api/v1/quotes/" + quote, token);
    }

    String state(long quote) {
        return ok(get(quote, agent)).path("state").asString();
    }

    static JsonNode ok(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** Asserts a problem answer: status and type (a slug under {@value #PROBLEMS}). */
    static JsonNode problem(Answer answer, int status, String slug) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(answer.json().path("type").asString()).as(answer.body()).isEqualTo(PROBLEMS + slug);
        return answer.json();
    }

    /** The ticket's timeline lines about quotes, as {@code KIND before->after: detail}. */
    List<JsonNode> quoteTimeline(long ticketId) {
        Answer timeline = api.get("/api/v1/tickets/" + ticketId + "/timeline", agent);
        assertThat(timeline.status()).as(timeline.body()).isEqualTo(200);
        return timeline.json().valueStream().filter(e -> e.path("kind").asString().startsWith("QUOTE_")).toList();
    }

    List<String> quoteTimelineKinds(long ticketId) {
        return quoteTimeline(ticketId).stream().map(e -> e.path("kind").asString()).toList();
    }
}
