package org.atende.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;


import org.atende.customers.Customers;
import org.atende.customers.Language;
import org.atende.customers.OrganisationDraft;
import org.atende.customers.OrganisationId;
import org.atende.customers.PlanDraft;
import org.atende.identity.Identity;
import org.atende.identity.Role;
import org.atende.identity.TokenDraft;
import org.atende.identity.UserDraft;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * sla's REST API over real HTTP, signed in with real bearer tokens of an admin, an agent and a
 * customer (the role named in each call).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:sla-api-tests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password=", "atende.sla.sweep-enabled=false"})
class SlaApiIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PROBLEMS = "https://atende.example/problems/";
    static final String LISBON = """
            {"zone": "Europe/Lisbon", "week": {"mon": ["09:00-21:00"], "tue": ["09:00-21:00"], "wed": ["09:00-21:00"],
             "thu": ["09:00-21:00"], "fri": ["09:00-21:00"]}, "holidayRules": [{"country": "PT"}]}""";
    static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @LocalServerPort
    int port;

    @Autowired
    Identity identity;

    @Autowired
    Customers customers;

    @Autowired
    SlaPolicies policies;

    /** A bearer secret for a new user with this role (a customer gets an organisation of its own). */
    String token(String role) {
        return TOKENS.computeIfAbsent(role, r -> {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            OrganisationId org = null;
            if (r.equals("CUSTOMER")) {
                long policy = policies.list().getFirst().id();
                var plan = customers.createPlan(new PlanDraft("Plan " + suffix, policy, "MEDIUM"));
                org = customers.createOrganisation(new OrganisationDraft("Org " + suffix, plan.id(), Language.PT, null, List.of())).id();
            }
            var user = identity.createUser(new UserDraft(r.toLowerCase() + suffix + "@people.example", r, Role.valueOf(r),
                    org, null, null, true, null));
            return identity.issueToken(user.id(), new TokenDraft("tests", null)).secret();
        });
    }

    record Answer(int status, JsonNode body, String contentType) {
        String type() {
            return body.path("type").asString();
        }
    }

    Answer call(String method, String path, String role, String body) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (role != null) {
                request.header("Authorization", "Bearer " + token(role));
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body()),
                    response.headers().firstValue("Content-Type").orElse(""));
        }
    }

    static String policy(String name) {
        String targets = """
                {"firstResponse": {"amount": 4, "unit": "HOURS"}, "resolution": {"amount": 2, "unit": "DAYS"}}""";
        return """
                {"name": "%s", "warningPercent": 80, "pausingStatuses": ["WAITING_ON_CUSTOMER"],
                 "targets": {"LOW": %s, "MEDIUM": %s, "HIGH": %s, "URGENT": %s}}""".formatted(name, targets, targets, targets, targets);
    }

    @Nested
    class Policies {
        @Test
        void staffListThePoliciesWithTheDefaultTerms() throws Exception {
            Answer list = call("GET", "/api/v1/sla-policies", "AGENT", null);

            assertThat(list.status()).isEqualTo(200);
            JsonNode terms = list.body().valueStream().filter(p -> p.get("name").asString().equals("Standard support terms"))
                    .findFirst().orElseThrow();
            assertThat(terms.at("/targets/LOW/firstResponse").toString()).isEqualTo("{\"amount\":2,\"unit\":\"DAYS\"}");
            assertThat(terms.at("/targets/URGENT/firstResponse").toString()).isEqualTo("{\"amount\":4,\"unit\":\"HOURS\"}");
            assertThat(terms.get("pausingStatuses").toString()).isEqualTo("[\"WAITING_ON_CUSTOMER\"]");
            assertThat(call("GET", "/api/v1/sla-policies/" + terms.get("id").asLong(), "LEAD", null).body()).isEqualTo(terms);
        }

        @Test
        void customersAndStrangersMayNotReadThem() throws Exception {
            Answer customer = call("GET", "/api/v1/sla-policies", "CUSTOMER", null);
            Answer stranger = call("GET", "/api/v1/sla-policies", null, null);

            assertThat(customer.status()).isEqualTo(403);
            assertThat(customer.type()).isEqualTo(PROBLEMS + "forbidden");
            assertThat(customer.contentType()).startsWith("application/problem+json");
            assertThat(stranger.status()).isEqualTo(401);
        }

        @Test
        void onlyAnAdminCreatesAndChangesOne() throws Exception {
            String name = "Gold " + UUID.randomUUID();
            Answer byAgent = call("POST", "/api/v1/sla-policies", "AGENT", policy(name));
            assertThat(byAgent.status()).isEqualTo(403);
            assertThat(byAgent.type()).isEqualTo(PROBLEMS + "forbidden");

            Answer created = call("POST", "/api/v1/sla-policies", "ADMIN", policy(name));
            assertThat(created.status()).isEqualTo(201);
            long id = created.body().get("id").asLong();
            assertThat(created.body().get("warningPercent").asInt()).isEqualTo(80);

            String renamed = "Platinum " + UUID.randomUUID();
            Answer updated = call("PUT", "/api/v1/sla-policies/" + id, "ADMIN", policy(renamed));
            assertThat(updated.status()).isEqualTo(200);
            assertThat(call("GET", "/api/v1/sla-policies/" + id, "AGENT", null).body().get("name").asString()).isEqualTo(renamed);
            assertThat(call("PUT", "/api/v1/sla-policies/" + id, "LEAD", policy(renamed)).status()).isEqualTo(403);
        }

        @Test
        void refusesAnInvalidPolicyNamingEveryProblem() throws Exception {
            Answer refused = call("POST", "/api/v1/sla-policies", "ADMIN", """
                    {"name": "Broken", "targets": {"LOW": {"firstResponse": {"amount": 0, "unit": "HOURS"},
                                                           "resolution": {"amount": 1, "unit": "DAYS"}}}}""");

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.type()).isEqualTo(PROBLEMS + "invalid-sla-policy");
            assertThat(refused.body().get("problems").valueStream().map(JsonNode::asString)).containsExactly(
                    "targets.LOW.firstResponse.amount must be a positive whole number: 0",
                    "targets.MEDIUM is missing: every priority needs a first response and a resolution target",
                    "targets.HIGH is missing: every priority needs a first response and a resolution target",
                    "targets.URGENT is missing: every priority needs a first response and a resolution target");
        }

        @Test
        void answersNotFoundForAnUnknownPolicy() throws Exception {
            Answer missing = call("GET", "/api/v1/sla-policies/999999", "AGENT", null);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.type()).isEqualTo(PROBLEMS + "not-found");
            assertThat(call("PUT", "/api/v1/sla-policies/999999", "ADMIN", policy("x")).status()).isEqualTo(404);
        }
    }

    @Nested
    class Calendars {
        @Test
        void anAdminStoresACalendarThatStaffRead() throws Exception {
            String name = "Lisbon " + UUID.randomUUID();
            String body = "{\"name\": \"" + name + "\", \"calendar\": " + LISBON + "}";
            assertThat(call("POST", "/api/v1/calendars", "LEAD", body).status()).isEqualTo(403);

            Answer created = call("POST", "/api/v1/calendars", "ADMIN", body);

            assertThat(created.status()).isEqualTo(201);
            assertThat(created.body().get("calendar")).isEqualTo(JSON.readTree(LISBON));
            assertThat(created.body().get("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            long id = created.body().get("id").asLong();
            assertThat(call("GET", "/api/v1/calendars/" + id, "AGENT", null).body().get("name").asString()).isEqualTo(name);
            assertThat(call("GET", "/api/v1/calendars", "AGENT", null).body().valueStream().map(c -> c.get("id").asLong()))
                    .contains(id);
        }

        @Test
        void refusesACalendarThatCannotDescribeBusinessTime() throws Exception {
            Answer refused = call("POST", "/api/v1/calendars", "ADMIN", """
                    {"name": "Overlap", "calendar": {"zone": "UTC", "week": {"mon": ["09:00-13:00", "12:00-18:00"]}}}""");

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.type()).isEqualTo(PROBLEMS + "invalid-calendar");
            assertThat(refused.body().get("detail").asString()).isEqualTo("intervals 09:00-13:00 and 12:00-18:00 on mon overlap");
        }

        @Test
        void previewsAnOperationOnAnInlineCalendarLikeTheCommand() throws Exception {
            Answer answer = call("POST", "/api/v1/calendars/preview", "AGENT", """
                    {"calendar": %s, "op": "add", "at": "2026-11-27T20:00:00Z", "seconds": 14400}""".formatted(LISBON));

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().toString()).isEqualTo("{\"result\":\"2026-11-30T12:00:00Z\"}");
        }

        @Test
        void previewsOnAStoredCalendar() throws Exception {
            String body = "{\"name\": \"Stored " + UUID.randomUUID() + "\", \"calendar\": " + LISBON + "}";
            long id = call("POST", "/api/v1/calendars", "ADMIN", body).body().get("id").asLong();

            Answer elapsed = call("POST", "/api/v1/calendars/preview", "AGENT", """
                    {"calendarId": %d, "op": "elapsed", "from": "2026-11-30T20:00:00Z", "to": "2026-12-02T10:00:00Z"}""".formatted(id));
            Answer open = call("POST", "/api/v1/calendars/preview", "AGENT", """
                    {"calendarId": %d, "op": "isOpen", "at": "2026-12-01T12:00:00Z"}""".formatted(id));

            assertThat(elapsed.body().toString()).isEqualTo("{\"result\":7200}");
            assertThat(open.body().toString()).isEqualTo("{\"result\":false}");
        }

        @Test
        void aBadCalendarInAPreviewIsAProblemThatNamesIt() throws Exception {
            Answer refused = call("POST", "/api/v1/calendars/preview", "AGENT", """
                    {"calendar": {"zone": "Mars/Olympus", "week": {"mon": ["09:00-17:00"]}}, "op": "isOpen", "at": "2026-11-27T20:00:00Z"}""");

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.type()).isEqualTo(PROBLEMS + "invalid-calendar");
            assertThat(refused.body().get("detail").asString()).startsWith("unknown time zone 'Mars/Olympus'");
        }

        @Test
        void aBadOperationOrUnknownCalendarIsNotACalendarProblem() throws Exception {
            Answer badOp = call("POST", "/api/v1/calendars/preview", "AGENT", """
                    {"calendar": %s, "op": "add", "at": "2026-11-27T20:00:00Z", "seconds": -1}""".formatted(LISBON));
            Answer unknown = call("POST", "/api/v1/calendars/preview", "AGENT", """
                    {"calendarId": 999999, "op": "isOpen", "at": "2026-11-27T20:00:00Z"}""");

            assertThat(badOp.status()).isEqualTo(400);
            assertThat(badOp.type()).isEqualTo(PROBLEMS + "invalid-request");
            assertThat(badOp.body().get("detail").asString()).isEqualTo("\"seconds\" must not be negative: -1");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.type()).isEqualTo(PROBLEMS + "not-found");
        }
    }
}
