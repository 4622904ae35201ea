package org.atende.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.atende.support.Api.Answer;
import org.atende.support.ApiIntegrationSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The routing API over HTTP: rules in order, refusals listing every problem, the default team, availability and
 * languages, and who may do what (a customer is forbidden, or finds nothing).
 */
class RoutingApiIntegrationTests extends ApiIntegrationSupport {

    long team;
    long emptyTeam;
    long agent;
    String agentToken;
    String leadToken;
    String customerToken;
    long customerUser;

    @BeforeEach
    void desk() {
        team = post("/api/v1/teams", admin, Map.of("name", unique("Primeira"), "kind", "FIRST_LINE"));
        emptyTeam = post("/api/v1/teams", admin, Map.of("name", unique("Vazia"), "kind", "SECOND_LINE"));
        agent = post("/api/v1/users", admin, user("AGENT", team));
        agentToken = tokenFor(agent);
        leadToken = tokenFor(post("/api/v1/users", admin, user("LEAD", team)));
        long org = createOrganisation();
        customerUser = createUser("CUSTOMER", org, null);
        customerToken = tokenFor(customerUser);
    }

    @AfterEach
    void forgetRules() {
        for (JsonNode r : api.get("/api/v1/routing-rules", admin).json()) {
            api.delete("/api/v1/routing-rules/" + r.path("id").asLong(), admin);
        }
        api.put("/api/v1/routing-settings", admin, settings(null, "NONE"));
    }

    @Test
    void createsListsMovesReplacesAndDeletesRules() {
        Answer created = api.post("/api/v1/routing-rules", leadToken, rule("Engenharia — serviço técnico",
                Map.of("types", List.of("TECHNICAL_SERVICE"), "categories", List.of("Bulk_Update")), team, "LEAST_OPEN_WORK"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).hasValue("/api/v1/routing-rules/" + created.id());
        assertThat(created.json().path("position").asInt()).isEqualTo(1);
        assertThat(created.json().path("conditions").path("categories").get(0).asString()).isEqualTo("bulk_update");
        assertThat(created.json().path("action").path("method").asString()).isEqualTo("LEAST_OPEN_WORK");

        Map<String, Object> spanish = rule("Espanhol", Map.of("languages", List.of("es")), team, "ROUND_ROBIN");
        spanish.put("position", 1);
        long second = api.post("/api/v1/routing-rules", admin, spanish).id();
        assertThat(names(api.get("/api/v1/routing-rules", leadToken)))
                .containsExactly("Espanhol", "Engenharia — serviço técnico");

        Map<String, Object> moved = rule("Espanhol e português", Map.of("languages", List.of("ES", "PT")), team, "NONE");
        moved.put("position", 2);
        Answer replaced = api.put("/api/v1/routing-rules/" + second, admin, moved);
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().path("position").asInt()).isEqualTo(2);
        assertThat(names(api.get("/api/v1/routing-rules", admin))).containsExactly("Engenharia — serviço técnico", "Espanhol e português");

        assertThat(api.delete("/api/v1/routing-rules/" + created.id(), leadToken).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/routing-rules/" + created.id(), admin).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/routing-rules/" + second, admin).json().path("position").asInt()).isEqualTo(1);
    }

    @Test
    void refusesARuleThatCannotWorkNamingEveryProblem() {
        Map<String, Object> conditions = new LinkedHashMap<>();
        conditions.put("channels", List.of("FAX"));
        conditions.put("organisationId", 999_999);
        conditions.put("planId", 888_888);
        conditions.put("languages", List.of("fr"));
        conditions.put("priorities", List.of("SOON"));
        conditions.put("tags", List.of(" "));
        Answer refused = api.post("/api/v1/routing-rules", admin, rule("", conditions, emptyTeam, "ROUND_ROBIN"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("type").asString()).isEqualTo("https://atende.example/problems/invalid-routing-rule");
        assertThat(fields(refused)).containsExactlyInAnyOrder("name", "conditions.channels", "conditions.organisationId",
                "conditions.planId", "conditions.languages", "conditions.priorities", "conditions.tags", "action.method");
        assertThat(refused.json().path("detail").asString()).contains("has no active members");

        Answer unknownTeam = api.post("/api/v1/routing-rules", admin, rule("Sem equipa", Map.of(), 777_777, "NONE"));
        assertThat(fields(unknownTeam)).containsExactly("action.teamId");
        Answer noAction = api.post("/api/v1/routing-rules", admin, Map.of("name", "Sem ação"));
        assertThat(fields(noAction)).containsExactlyInAnyOrder("action.teamId", "action.method");
        assertThat(api.post("/api/v1/routing-rules", admin, Map.of("name", "x", "colour", "red")).status()).as("unknown field").isEqualTo(400);
        assertThat(api.get("/api/v1/routing-rules", admin).json()).isEmpty();
    }

    @Test
    void theDefaultTeamIsSetByAdministratorsAndCheckedLikeARule() {
        assertThat(api.get("/api/v1/routing-settings", leadToken).json().path("defaultTeamId").isNull()).isTrue();
        assertThat(api.put("/api/v1/routing-settings", leadToken, settings(team, "ROUND_ROBIN")).status()).isEqualTo(403);
        Answer refused = api.put("/api/v1/routing-settings", admin, settings(emptyTeam, "LEAST_OPEN_WORK"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("action.method");
        Answer set = api.put("/api/v1/routing-settings", admin, settings(team, "ROUND_ROBIN"));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().path("defaultTeamId").asLong()).isEqualTo(team);
        assertThat(set.json().path("defaultMethod").asString()).isEqualTo("ROUND_ROBIN");
        assertThat(api.put("/api/v1/routing-settings", admin, settings(emptyTeam, "NONE")).status()).as("a team queue needs no members")
                .isEqualTo(200);
    }

    @Test
    void agentsSetTheirOwnAvailabilityAndLanguagesAndAdministratorsAnyones() {
        Answer me = api.get("/api/v1/me/availability", agentToken);
        assertThat(me.json().path("availability").asString()).isEqualTo("AVAILABLE");
        assertThat(me.json().path("unfinishedTickets").asInt()).isZero();

        Answer away = api.put("/api/v1/me/availability", agentToken, Map.of("availability", "away", "handBack", true));
        assertThat(away.status()).as(away.body()).isEqualTo(200);
        assertThat(away.json().path("availability").asString()).isEqualTo("AWAY");
        assertThat(away.json().path("handedBack").asInt()).isZero();
        Answer languages = api.put("/api/v1/me/languages", agentToken, Map.of("languages", List.of("es", "PT")));
        assertThat(languages.json().path("languages").toString()).isEqualTo("[\"ES\",\"PT\"]");
        Answer bad = api.put("/api/v1/me/languages", agentToken, Map.of("languages", List.of("fr", "xx")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("problems")).hasSize(2);
        assertThat(api.put("/api/v1/me/availability", agentToken, Map.of("availability", "ASLEEP")).status()).isEqualTo(400);

        assertThat(api.get("/api/v1/users/" + agent + "/availability", leadToken).json().path("availability").asString()).isEqualTo("AWAY");
        assertThat(api.put("/api/v1/users/" + agent + "/availability", leadToken, Map.of("availability", "AVAILABLE")).status())
                .as("leads read, administrators change").isEqualTo(403);
        Answer back = api.put("/api/v1/users/" + agent + "/availability", admin, Map.of("availability", "AVAILABLE"));
        assertThat(back.json().path("availability").asString()).isEqualTo("AVAILABLE");
        assertThat(api.put("/api/v1/users/" + agent + "/languages", admin, Map.of("languages", List.of("EN"))).json()
                .path("languages").toString()).isEqualTo("[\"EN\"]");
        assertThat(api.get("/api/v1/users/" + customerUser + "/availability", admin).status()).as("customers have none").isEqualTo(404);
    }

    @Test
    void customersAreForbiddenOrFindNothing() {
        long rule = api.post("/api/v1/routing-rules", admin, rule("Tudo", Map.of(), team, "NONE")).id();
        assertThat(api.get("/api/v1/routing-rules", customerToken).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/routing-rules/" + rule, customerToken).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/routing-rules", customerToken, rule("Minha", Map.of(), team, "NONE")).status()).isEqualTo(403);
        assertThat(api.put("/api/v1/routing-rules/" + rule, customerToken, rule("Minha", Map.of(), team, "NONE")).status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/routing-rules/" + rule, customerToken).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/routing-settings", customerToken).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/me/availability", customerToken).status()).isEqualTo(403);
        assertThat(api.put("/api/v1/me/availability", customerToken, Map.of("availability", "AWAY")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/users/" + agent + "/availability", customerToken).status()).isEqualTo(404);
        assertThat(api.put("/api/v1/users/" + agent + "/availability", customerToken, Map.of("availability", "AWAY")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/routing-rules", agentToken).status()).as("agents do not manage routing").isEqualTo(403);
        assertThat(api.get("/api/v1/routing-rules", null).status()).isEqualTo(401);
    }

    @Test
    void theOpenApiDocumentDescribesTheRoutingApi() {
        JsonNode paths = api.get("/v3/api-docs", null).json().path("paths");
        for (String path : List.of("/api/v1/routing-rules", "/api/v1/routing-rules/{id}", "/api/v1/routing-settings",
                "/api/v1/me/availability", "/api/v1/me/languages", "/api/v1/users/{id}/availability", "/api/v1/users/{id}/languages")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        assertThat(paths.path("/api/v1/routing-rules/{id}").has("put")).isTrue();
        assertThat(paths.path("/api/v1/routing-rules/{id}").has("delete")).isTrue();
    }

    private long post(String path, String token, Object body) {
        Answer a = api.post(path, token, body);
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.id();
    }

    private static Map<String, Object> user(String role, long team) {
        return Map.of("email", unique("staff") + "@atende.example", "name", "Staff " + unique(role), "role", role, "teamId", team);
    }

    private static Map<String, Object> rule(String name, Map<String, Object> conditions, long team, String method) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("name", name);
        rule.put("conditions", conditions);
        rule.put("action", Map.of("teamId", team, "method", method));
        return rule;
    }

    private static Map<String, Object> settings(Long team, String method) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("defaultTeamId", team);
        s.put("defaultMethod", method);
        return s;
    }

    private static List<String> names(Answer list) {
        return java.util.stream.StreamSupport.stream(list.json().spliterator(), false).map(r -> r.path("name").asString()).toList();
    }

    private static List<String> fields(Answer refused) {
        return java.util.stream.StreamSupport.stream(refused.json().path("errors").spliterator(), false)
                .map(e -> e.path("field").asString()).distinct().toList();
    }
}
