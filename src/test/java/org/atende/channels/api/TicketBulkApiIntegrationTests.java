package org.atende.channels.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.atende.support.Api.Answer;
import org.atende.support.ApiIntegrationSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/tickets/bulk} over real HTTP with real tokens: outcomes per ticket, filters, limits and roles. */
class TicketBulkApiIntegrationTests extends ApiIntegrationSupport {

    static final String PROBLEMS = "https://atende.example/problems/";

    String agent;
    long colleague;
    long organisation;
    String customer;

    @BeforeEach
    void anOrganisationAndTwoAgents() {
        agent = tokenForNew("AGENT");
        colleague = createUser("AGENT", null, null);
        String domain = unique("org") + ".example";
        organisation = createOrganisation(domain);
        customer = tokenFor(createUser("CUSTOMER", organisation, createContact(organisation, "ana@" + domain)));
    }

    private JsonNode open(String subject, String... tags) {
        Answer created = api.post("/api/v1/tickets", agent, Map.of("organisationId", organisation, "subject", subject,
                "body", "Não consigo exportar", "tags", List.of(tags)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private Answer bulk(String token, Map<String, Object> body) {
        return api.post("/api/v1/tickets/bulk", token, body);
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    @Test
    void assignsTheNamedTicketsAndAnswersEachOutcomeWithItsVersion() {
        JsonNode a = open("Export A");
        JsonNode b = open("Export B");
        assertThat(a.path("version").isInt()).as("a ticket says its version").isTrue();

        Answer answer = bulk(agent, body("ids", List.of(a.path("id").asLong(), b.path("id").asLong()), "action", "UPDATE",
                "change", Map.of("assigneeId", colleague, "priority", "HIGH")));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode json = answer.json();
        assertThat(json.path("action").asString()).isEqualTo("UPDATE");
        assertThat(json.path("tickets").asInt()).isEqualTo(2);
        assertThat(json.path("changed").asInt()).isEqualTo(2);
        assertThat(json.path("refused").asInt()).isZero();
        JsonNode first = json.path("results").get(0);
        assertThat(first.path("ticketId").asLong()).isEqualTo(a.path("id").asLong());
        assertThat(first.path("number").asLong()).isEqualTo(a.path("number").asLong());
        assertThat(first.path("outcome").asString()).isEqualTo("CHANGED");
        assertThat(first.path("version").asInt()).isEqualTo(a.path("version").asInt() + 1);
        JsonNode ticket = api.get("/api/v1/tickets/" + a.path("id").asLong(), agent).json();
        assertThat(ticket.path("assigneeId").asLong()).isEqualTo(colleague);
        assertThat(ticket.path("sla").path("firstResponse").path("targetSeconds").asLong()).isEqualTo(12 * 3600);
        assertThat(api.get("/api/v1/tickets/" + a.path("id").asLong() + "/timeline", agent).json().valueStream()
                .filter(e -> e.path("kind").asString().equals("CHANGED")).map(e -> e.path("field").asString()))
                .containsExactlyInAnyOrder("priority", "assignee");

        Answer again = bulk(agent, body("ids", List.of(a.path("id").asLong()), "action", "UPDATE",
                "change", Map.of("assigneeId", colleague)));
        assertThat(again.json().path("results").get(0).path("outcome").asString()).isEqualTo("UNCHANGED");
        assertThat(again.json().path("unchanged").asInt()).isEqualTo(1);
    }

    @Test
    void refusesTicketByTicketWithTheProblemASingleChangeWouldAnswer() {
        JsonNode stale = open("Stale");
        JsonNode fresh = open("Fresh");
        JsonNode closed = open("Closed");
        api.send("PATCH", "/api/v1/tickets/" + stale.path("id").asLong(), agent, "{\"priority\":\"LOW\"}", "application/json");
        bulk(agent, body("ids", List.of(closed.path("id").asLong()), "action", "CLOSE"));

        Map<String, Integer> versions = Map.of(String.valueOf(stale.path("id").asLong()), stale.path("version").asInt(),
                String.valueOf(fresh.path("id").asLong()), fresh.path("version").asInt());
        Answer answer = bulk(agent, body("ids", List.of(stale.path("id").asLong(), fresh.path("id").asLong(),
                closed.path("id").asLong(), 99_999_999L), "expectedVersions", versions, "action", "UPDATE",
                "change", Map.of("status", "OPEN")));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode results = answer.json().path("results");
        assertThat(results.valueStream().map(r -> r.path("outcome").asString()))
                .containsExactly("REFUSED", "CHANGED", "REFUSED", "REFUSED");
        JsonNode staleProblem = results.get(0).path("problem");
        assertThat(staleProblem.path("type").asString()).isEqualTo(PROBLEMS + "stale");
        assertThat(staleProblem.path("status").asInt()).isEqualTo(409);
        assertThat(staleProblem.path("expectedVersion").asInt()).isEqualTo(stale.path("version").asInt());
        assertThat(staleProblem.path("currentVersion").asInt()).isEqualTo(stale.path("version").asInt() + 1);
        JsonNode illegal = results.get(2).path("problem");
        assertThat(illegal.path("type").asString()).isEqualTo(PROBLEMS + "illegal-transition");
        assertThat(illegal.path("from").asString()).isEqualTo("CLOSED");
        assertThat(illegal.path("allowed").isArray()).isTrue();
        assertThat(illegal.path("allowed").isEmpty()).isTrue();
        assertThat(results.get(3).path("number").isNull()).isTrue();
        assertThat(results.get(3).path("problem").path("type").asString()).isEqualTo(PROBLEMS + "not-found");
        assertThat(answer.json().path("refused").asInt()).isEqualTo(3);
    }

    @Test
    void aFilterTakesTheParametersOfTheTicketListAndMatchesWhatItLists() {
        JsonNode exportNew = open("Export new", "export");
        JsonNode exportOpen = open("Export open", "export");
        api.send("PATCH", "/api/v1/tickets/" + exportOpen.path("id").asLong(), agent, "{\"status\":\"OPEN\"}", "application/json");
        JsonNode other = open("Other", "billing");
        Map<String, Object> filter = Map.of("organisationId", organisation, "status", List.of("NEW", "OPEN"), "tag", "export");
        List<Long> listed = api.get("/api/v1/tickets?organisationId=" + organisation + "&status=NEW&status=OPEN&tag=export", agent)
                .json().path("items").valueStream().map(t -> t.path("id").asLong()).toList();

        Answer answer = bulk(agent, body("filter", filter, "action", "UPDATE", "change",
                Map.of("addTags", List.of("Q4 review"), "removeTags", List.of("export"))));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("results").valueStream().map(r -> r.path("ticketId").asLong()))
                .containsExactlyInAnyOrderElementsOf(listed)
                .containsExactlyInAnyOrder(exportNew.path("id").asLong(), exportOpen.path("id").asLong());
        assertThat(api.get("/api/v1/tickets/" + exportNew.path("id").asLong(), agent).json().path("tags").valueStream()
                .map(JsonNode::asString)).containsExactly("q4-review");
        assertThat(api.get("/api/v1/tickets/" + other.path("id").asLong(), agent).json().path("tags").valueStream()
                .map(JsonNode::asString)).containsExactly("billing");
    }

    @Test
    void mergesByTheTargetsNumberMarksSpamAndCloses() {
        JsonNode target = open("Export fails");
        JsonNode dup = open("Export fails again");
        Answer merged = bulk(agent, body("ids", List.of(target.path("id").asLong(), dup.path("id").asLong()), "action", "MERGE",
                "intoNumber", target.path("number").asLong()));
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().path("mergedInto").path("number").asLong()).isEqualTo(target.path("number").asLong());
        assertThat(merged.json().path("results")).hasSize(1);
        assertThat(api.get("/api/v1/tickets/" + dup.path("id").asLong(), agent).json().path("mergedIntoId").asLong())
                .isEqualTo(target.path("id").asLong());

        JsonNode junk = open("Cheap watches");
        Answer spam = bulk(agent, body("ids", List.of(junk.path("id").asLong()), "action", "SPAM"));
        assertThat(spam.json().path("changed").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/tickets/" + junk.path("id").asLong(), agent).json().path("closedAs").asString()).isEqualTo("SPAM");

        Answer close = bulk(agent, body("ids", List.of(target.path("id").asLong()), "action", "CLOSE"));
        assertThat(close.json().path("changed").asInt()).isEqualTo(1);
        JsonNode closed = api.get("/api/v1/tickets/" + target.path("id").asLong(), agent).json();
        assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.path("resolvedAt").asString()).isNotBlank();

        Answer intoClosed = bulk(agent, body("ids", List.of(open("Late").path("id").asLong()), "action", "MERGE",
                "intoTicketId", target.path("id").asLong()));
        assertThat(intoClosed.status()).isEqualTo(409);
        assertThat(intoClosed.json().path("type").asString()).isEqualTo(PROBLEMS + "merge-refused");
    }

    @Test
    void aCustomersTokenIsForbiddenAndChangesNothing() {
        long id = open("Mine").path("id").asLong();
        for (Map<String, Object> body : List.of(body("ids", List.of(id), "action", "CLOSE"),
                body("filter", Map.of("organisationId", organisation), "action", "SPAM"))) {
            Answer answer = bulk(customer, body);
            assertThat(answer.status()).as(answer.body()).isEqualTo(403);
            assertThat(answer.json().path("type").asString()).isEqualTo(PROBLEMS + "forbidden");
        }
        assertThat(api.get("/api/v1/tickets/" + id, agent).json().path("status").asString()).isEqualTo("NEW");
        assertThat(bulk(null, body("ids", List.of(id), "action", "CLOSE")).status()).isEqualTo(401);
    }

    @Test
    void moreThanAThousandTicketsIsAProblemWithTheCount() {
        List<Long> ids = new ArrayList<>();
        for (long i = 1; i <= 1001; i++) {
            ids.add(i);
        }
        Answer answer = bulk(agent, body("ids", ids, "action", "SPAM"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().path("type").asString()).isEqualTo(PROBLEMS + "too-many-tickets");
        assertThat(answer.json().path("matched").asInt()).isEqualTo(1001);
        assertThat(answer.json().path("limit").asInt()).isEqualTo(1000);
    }

    @Test
    void aCallThatCannotBeUnderstoodIsAClientError() {
        long id = open("Bad calls").path("id").asLong();
        Map<String, Answer> answers = new LinkedHashMap<>();
        answers.put("both ids and filter", bulk(agent, body("ids", List.of(id), "filter", Map.of(), "action", "CLOSE")));
        answers.put("neither", bulk(agent, body("action", "CLOSE")));
        answers.put("no ids", bulk(agent, body("ids", List.of(), "action", "CLOSE")));
        answers.put("update without change", bulk(agent, body("ids", List.of(id), "action", "UPDATE")));
        answers.put("empty change", bulk(agent, body("ids", List.of(id), "action", "UPDATE", "change", Map.of())));
        answers.put("change with spam", bulk(agent, body("ids", List.of(id), "action", "SPAM", "change", Map.of("priority", "LOW"))));
        answers.put("merge without target", bulk(agent, body("ids", List.of(id), "action", "MERGE")));
        answers.put("assignee and unassign", bulk(agent, body("ids", List.of(id), "action", "UPDATE",
                "change", Map.of("assigneeId", colleague, "unassign", true))));
        answers.put("a customer as assignee", bulk(agent, body("ids", List.of(id), "action", "UPDATE",
                "change", Map.of("assigneeId", createUser("CUSTOMER", organisation, null)))));
        answers.put("unknown action", bulk(agent, body("ids", List.of(id), "action", "DELETE")));
        answers.put("unknown filter", bulk(agent, body("filter", Map.of("colour", "red"), "action", "CLOSE")));
        answers.put("negative id", bulk(agent, body("ids", List.of(-4), "action", "CLOSE")));
        assertThat(answers).allSatisfy((why, answer) -> {
            assertThat(answer.status()).as(why + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        });
        assertThat(answers.get("unknown action").json().path("type").asString()).isEqualTo(PROBLEMS + "malformed-request");
        assertThat(api.get("/api/v1/tickets/" + id, agent).json().path("status").asString()).isEqualTo("NEW");
    }

    @Test
    void theOpenApiDocumentDescribesTheCall() {
        JsonNode post = api.get("/v3/api-docs", null).json().path("paths").path("/api/v1/tickets/bulk").path("post");
        assertThat(post.path("summary").asString()).contains("many tickets");
        assertThat(post.path("responses").propertyNames()).contains("200", "400", "403");
        assertThat(post.path("requestBody").isMissingNode()).isFalse();
        JsonNode schemas = api.get("/v3/api-docs", null).json().path("components").path("schemas");
        assertThat(schemas.path("BulkRequest").path("properties").propertyNames())
                .contains("ids", "filter", "expectedVersions", "action", "change", "intoTicketId", "intoNumber");
        assertThat(schemas.path("TicketFilter").path("properties").propertyNames()).contains("status", "q", "accountLead");
        assertThat(schemas.path("BulkAnswer").path("properties").propertyNames()).contains("results", "changed", "refused");
    }
}
