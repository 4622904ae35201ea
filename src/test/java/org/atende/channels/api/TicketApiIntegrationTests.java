package org.atende.channels.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.atende.support.Api.Answer;
import org.atende.support.ApiIntegrationSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The ticket API over real HTTP with real tokens: clocks in every answer, and organisations kept apart. */
class TicketApiIntegrationTests extends ApiIntegrationSupport {

    static final String PROBLEMS = "https://atende.example/problems/";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};

    @LocalServerPort
    int serverPort;

    String customer;       // Ana, at her organisation
    String stranger;       // a customer of another organisation
    String agent;
    long team;

    @BeforeEach
    void twoOrganisationsAndAnAgent() {
        Answer policies = api.get("/api/v1/sla-policies", admin);
        long standard = policies.json().valueStream()
                .filter(p -> p.path("name").asString().equals("Standard support terms")).findFirst()
                .orElseThrow(() -> new AssertionError("no standard policy in " + policies)).path("id").asLong();
        Answer plan = api.post("/api/v1/plans", admin, Map.of("name", unique("Plan"), "slaPolicyId", standard,
                "defaultPriority", "HIGH"));
        assertThat(plan.status()).as(plan.body()).isEqualTo(201);
        customer = customerOf(plan.id());
        stranger = customerOf(plan.id());
        agent = tokenForNew("AGENT");
        team = api.post("/api/v1/teams", admin, Map.of("name", unique("Second line"), "kind", "SECOND_LINE")).id();
    }

    private String customerOf(long plan) {
        String domain = unique("org") + ".example";
        long org = api.post("/api/v1/organisations", admin, Map.of("name", unique("Org"), "planId", plan,
                "language", "PT", "emailDomains", List.of(domain))).id();
        long contact = createContact(org, "someone@" + domain);
        return tokenFor(createUser("CUSTOMER", org, contact), "APP"); // the vendor's app, signed in as Ana
    }

    private Answer open(String token, String subject) {
        Answer created = api.post("/api/v1/tickets", token, Map.of("subject", subject, "body", "Não consigo exportar",
                "suggestedPriority", "URGENT", "tags", List.of("Export")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created;
    }

    @Test
    void recordsChannelApiForIntegrationTokensAndAppOnlyForTheVendorsApp() {
        assertThat(open(customer, "From the app").json().path("channel").asString()).isEqualTo("APP");
        long org = organisationOf(customer);
        Answer byStaffTool = api.post("/api/v1/tickets", admin, Map.of("organisationId", org, "subject", "From a staff integration",
                "body", "Alerta do monitor"));
        assertThat(byStaffTool.json().path("channel").asString()).as("a staff integration's token, issued without a kind")
                .isEqualTo("API");
        Answer ownIntegration = api.post("/api/v1/tickets", tokenFor(createUser("CUSTOMER", org,
                createContact(org, unique("tool") + "@tools.example")), "INTEGRATION"), Map.of("subject", "From the customer's own tool", "body", "Sincronização"));
        assertThat(ownIntegration.status()).as(ownIntegration.body()).isEqualTo(201);
        assertThat(ownIntegration.json().path("channel").asString()).as("a customer's integration is not the app").isEqualTo("API");
        long agentUser = createUser("AGENT", null, null);
        String agentApp = tokenFor(agentUser, "APP");
        assertThat(api.get("/api/v1/users/" + agentUser + "/tokens", admin).json().get(0).path("kind").asString()).isEqualTo("APP");
        Answer byAgentApp = api.post("/api/v1/tickets", agentApp, Map.of("organisationId", org,
                "subject", "Registered in the app by staff", "body", "Telefonema"));
        assertThat(byAgentApp.json().path("channel").asString()).isEqualTo("APP");
        Answer fromTheDesk = api.post("/api/v1/tickets", admin, Map.of("organisationId", org, "channel", "DESK",
                "subject", "Pretending to come from the desk", "body", "Não"));
        assertThat(fromTheDesk.status()).as("DESK is where staff write notes, not where requests come in").isEqualTo(400);
        assertThat(fromTheDesk.json().path("type").asString()).endsWith("/invalid-request");
    }

    private long organisationOf(String token) {
        return api.get("/api/v1/me", token).json().path("organisationId").asLong();
    }

    @Test
    void answersANewTicketWithItsClocks() {
        Answer created = open(customer, "Export fails");
        JsonNode t = created.json();
        assertThat(created.header("Location")).hasValue("/api/v1/tickets/" + t.path("id").asLong());
        assertThat(t.path("channel").asString()).isEqualTo("APP");
        assertThat(t.path("priority").asString()).as("the plan's default until triage").isEqualTo("HIGH");
        assertThat(t.path("suggestedPriority").asString()).isEqualTo("URGENT");
        assertThat(t.path("tags").get(0).asString()).isEqualTo("export");
        JsonNode first = t.path("sla").path("firstResponse");
        assertThat(first.path("state").asString()).isIn("RUNNING", "BREACHED");
        assertThat(first.path("targetSeconds").asLong()).as("High: 12 business hours").isEqualTo(12 * 3600);
        assertThat(first.has("dueAt")).isTrue();
        assertThat(first.has("elapsedSeconds")).isTrue();
        assertThat(first.path("breached").isBoolean()).isTrue();
        assertThat(t.path("sla").path("resolution").path("targetSeconds").asLong()).isEqualTo(24 * 3600);
    }

    @Test
    void triageChangesTheTargetAndAnAgentsReplyMeetsTheFirstResponse() {
        long id = open(customer, "Help").id();
        Answer triaged = api.send("PATCH", "/api/v1/tickets/" + id, agent, "{\"priority\":\"URGENT\"}", "application/json");
        assertThat(triaged.status()).as(triaged.body()).isEqualTo(200);
        assertThat(triaged.json().path("priority").asString()).isEqualTo("URGENT");
        assertThat(triaged.json().path("sla").path("firstResponse").path("targetSeconds").asLong()).isEqualTo(4 * 3600);
        Answer reply = api.post("/api/v1/tickets/" + id + "/messages", agent, Map.of("body", "A verificar", "status", "WAITING_ON_CUSTOMER"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonNode t = api.get("/api/v1/tickets/" + id, agent).json();
        assertThat(t.path("status").asString()).isEqualTo("WAITING_ON_CUSTOMER");
        assertThat(t.path("sla").path("firstResponse").path("state").asString()).isEqualTo("MET");
        assertThat(t.path("sla").path("resolution").path("state").asString()).isIn("PAUSED", "BREACHED");
    }

    @Test
    void aTicketMovedToTechnicalServiceShowsItsClocksExcludedUntilItComesBack() {
        long id = open(customer, "Restore deleted invoices").id();
        Answer moved = api.send("PATCH", "/api/v1/tickets/" + id, agent, "{\"type\":\"TECHNICAL_SERVICE\"}", "application/json");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        for (String clock : List.of("firstResponse", "resolution")) {
            JsonNode c = moved.json().path("sla").path(clock);
            assertThat(c.path("excluded").asBoolean()).as(moved.body()).isTrue();
            assertThat(c.path("excludedSince").asString()).isNotBlank();
            assertThat(c.path("dueAt").isNull()).as("nothing is due outside the SLA: " + moved.body()).isTrue();
            assertThat(c.path("state").asString()).isIn("PAUSED", "BREACHED");
        }

        Answer back = api.send("PATCH", "/api/v1/tickets/" + id, agent, "{\"type\":\"QUESTION\"}", "application/json");
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        JsonNode first = back.json().path("sla").path("firstResponse");
        assertThat(first.path("excluded").asBoolean()).as(back.body()).isFalse();
        assertThat(first.path("excludedSince").isNull()).isTrue();
        assertThat(first.path("dueAt").asString()).isNotBlank();
        assertThat(first.path("state").asString()).isIn("RUNNING", "BREACHED");
    }

    @Test
    void anotherOrganisationsTicketIsNotFoundOnEveryEndpoint() throws Exception {
        JsonNode theirs = open(stranger, "Theirs").json();
        long id = theirs.path("id").asLong();
        String base = "/api/v1/tickets/" + id;
        long attachment = attach(stranger, id).id();
        List<Answer> answers = List.of(
                api.get(base, customer),
                api.get("/api/v1/tickets/by-number/" + theirs.path("number").asLong(), customer),
                api.send("PATCH", base, customer, "{\"priority\":\"LOW\"}", "application/json"),
                api.post(base + "/messages", customer, Map.of("body", "hello")),
                api.get(base + "/messages", customer),
                api.get(base + "/timeline", customer),
                api.post(base + "/escalations", customer, Map.of("teamId", team, "reason", "why")),
                api.get(base + "/escalations", customer),
                attach(customer, id),
                api.get(base + "/attachments", customer),
                api.get(base + "/attachments/" + attachment, customer));
        assertThat(answers).allSatisfy(a -> {
            assertThat(a.status()).as(a.body()).isEqualTo(404);
            assertThat(a.json().path("type").asString()).isEqualTo(PROBLEMS + "not-found");
            assertThat(a.body()).doesNotContain("Theirs");
        });
        assertThat(api.get("/api/v1/tickets?size=200", customer).json().path("items").valueStream()
                .map(t -> t.path("id").asLong())).doesNotContain(id);
        assertThat(api.get("/api/v1/tickets?organisationId=" + theirs.path("organisationId").asLong(), customer)
                .json().path("items").valueStream().map(t -> t.path("id").asLong())).doesNotContain(id);
    }

    @Test
    void aCustomerMayNotTriageItsOwnTicket() {
        long id = open(customer, "Mine").id();
        Answer a = api.send("PATCH", "/api/v1/tickets/" + id, customer, "{\"priority\":\"URGENT\"}", "application/json");
        assertThat(a.status()).isEqualTo(403);
        assertThat(a.json().path("type").asString()).isEqualTo(PROBLEMS + "forbidden");
    }

    @Test
    void anIllegalTransitionSaysWhichAreAllowed() {
        long id = open(customer, "Close me").id();
        Answer a = api.send("PATCH", "/api/v1/tickets/" + id, agent, "{\"status\":\"CLOSED\"}", "application/json");
        assertThat(a.status()).isEqualTo(409);
        assertThat(a.json().path("type").asString()).isEqualTo(PROBLEMS + "illegal-transition");
        assertThat(a.json().path("allowed").valueStream().map(JsonNode::asString))
                .containsExactly("OPEN", "WAITING_ON_CUSTOMER", "ON_HOLD", "RESOLVED");
    }

    @Test
    void badInputIsAClearClientError() {
        Answer unknown = api.send("POST", "/api/v1/tickets", customer, "{\"subject\":\"x\",\"body\":\"y\",\"colour\":\"red\"}", "application/json");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("type").asString()).isEqualTo(PROBLEMS + "malformed-request");
        Answer blank = api.send("POST", "/api/v1/tickets", customer, "{\"subject\":\" \",\"body\":\"\"}", "application/json");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().path("errors").valueStream().map(e -> e.path("field").asString())).contains("subject", "body");
        Answer sort = api.get("/api/v1/tickets?sort=colour", agent);
        assertThat(sort.status()).isEqualTo(400);
        Answer status = api.get("/api/v1/tickets?status=LOST", agent);
        assertThat(status.status()).isEqualTo(400);
    }

    @Test
    void escalatesAndKeepsItOnTheTimeline() {
        long id = open(customer, "Database error").id();
        Answer escalated = api.post("/api/v1/tickets/" + id + "/escalations", agent, Map.of("teamId", team, "reason", "needs second line"));
        assertThat(escalated.status()).as(escalated.body()).isEqualTo(201);
        assertThat(escalated.json().path("teamId").asLong()).isEqualTo(team);
        assertThat(api.get("/api/v1/tickets/" + id + "/escalations", agent).json().get(0).path("reason").asString())
                .isEqualTo("needs second line");
        assertThat(api.get("/api/v1/tickets/" + id + "/timeline", agent).json().valueStream().map(e -> e.path("kind").asString()))
                .contains("CREATED", "ESCALATED");
    }

    @Test
    void uploadsAndDownloadsAnAttachment() throws Exception {
        long id = open(customer, "Screenshot").id();
        Answer uploaded = attach(customer, id);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + serverPort + "/api/v1/tickets/" + id + "/attachments/" + uploaded.id()))
                .header("Authorization", "Bearer " + customer).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PNG);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment").contains("screen.png");
    }

    private Answer attach(String token, long ticket) throws IOException {
        String boundary = "----atende" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"screen.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(PNG);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.exchange("POST", "/api/v1/tickets/" + ticket + "/attachments", token,
                BodyPublishers.ofByteArray(body.toByteArray()), "multipart/form-data; boundary=" + boundary);
    }
}
