package org.atende.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.atende.support.Api.Answer;
import org.atende.support.ApiIntegrationSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Satisfaction over the API: a ticket's surveys and rating for whoever may see the ticket, the requester's own
 * rating from the app (once), and the report by month, agent, team, organisation and channel, whose every group
 * adds up to the ratings given.
 */
class SatisfactionApiIntegrationTests extends ApiIntegrationSupport {

    String lead;
    long agentA;
    long agentB;
    long teamA;
    long teamB;
    String month = YearMonth.now(ZoneId.of("Europe/Lisbon")).toString();

    @BeforeEach
    void staff() {
        lead = tokenForNew("LEAD");
        teamA = api.post("/api/v1/teams", admin, Map.of("name", unique("Primeira"), "kind", "FIRST_LINE")).id();
        teamB = api.post("/api/v1/teams", admin, Map.of("name", unique("Segunda"), "kind", "SECOND_LINE")).id();
        agentA = createUser("AGENT", null, null);
        agentB = createUser("AGENT", null, null);
    }

    /** A customer of a new organisation: its id, contact, and token. */
    record Customer(long organisation, long contact, String token) {
    }

    Customer customer() {
        long org = createOrganisation();
        long contact = createContact(org, unique("joana") + "@cliente.example");
        return new Customer(org, contact, tokenFor(createUser("CUSTOMER", org, contact)));
    }

    /** A ticket of the customer's on a channel, owned by an agent and team, resolved: the survey is asked. */
    long resolved(Customer c, String channel, long agent, long team) {
        Map<String, Object> open = new LinkedHashMap<>(Map.of("subject", "Pedido " + unique("x"), "body", "Ajuda, por favor.",
                "organisationId", c.organisation(), "requesterContactId", c.contact(), "channel", channel));
        long id = api.post("/api/v1/tickets", admin, open).id();
        Answer owned = api.send("PATCH", "/api/v1/tickets/" + id, admin,
                "{\"assigneeId\":" + agent + ",\"teamId\":" + team + ",\"status\":\"RESOLVED\"}", "application/json");
        assertThat(owned.status()).as(owned.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/tickets/" + id + "/satisfaction", admin)
                .json().path("surveys").size() == 1);
        return id;
    }

    Answer rate(Customer c, long ticket, String rating, String comment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rating", rating);
        body.put("comment", comment);
        return api.post("/api/v1/tickets/" + ticket + "/satisfaction", c.token(), body);
    }

    @Test
    void theRequesterRatesOnceFromTheAppAndEveryoneWhoSeesTheTicketReadsIt() {
        Customer joana = customer();
        long ticket = resolved(joana, "APP", agentA, teamA);
        JsonNode before = api.get("/api/v1/tickets/" + ticket + "/satisfaction", joana.token()).json();
        assertThat(before.path("rating").isNull()).isTrue();
        assertThat(before.path("surveys").path(0).path("askedBy").asString()).isEqualTo("EMAIL"); // an app ticket, a contact with an address

        String colleague = tokenFor(createUser("CUSTOMER", joana.organisation(), createContact(joana.organisation(), unique("rui") + "@c.example")));
        assertThat(api.post("/api/v1/tickets/" + ticket + "/satisfaction", colleague, Map.of("rating", "GOOD")).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/tickets/" + ticket + "/satisfaction", customer().token(), Map.of("rating", "GOOD")).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/tickets/" + ticket + "/satisfaction", customer().token()).status()).isEqualTo(404);

        Answer rated = rate(joana, ticket, "BAD", "A exportação continua lenta.");
        assertThat(rated.status()).as(rated.body()).isEqualTo(200);
        assertThat(rated.json().path("ratedVia").asString()).isEqualTo("APP");
        Answer again = rate(joana, ticket, "GOOD", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("type").asString()).endsWith("/already-rated");

        JsonNode after = api.get("/api/v1/tickets/" + ticket + "/satisfaction", lead).json();
        assertThat(after.path("rating").asString()).isEqualTo("BAD");
        assertThat(after.path("comment").asString()).isEqualTo("A exportação continua lenta.");
        assertThat(api.get("/api/v1/tickets/" + ticket + "/timeline", lead).body()).contains("SATISFACTION_RATED").contains("SATISFACTION_COMMENT");
    }

    @Test
    void theReportGroupsRatingsByEachDimensionAndAddsUp() {
        Customer north = customer();
        Customer south = customer();
        rate(north, resolved(north, "EMAIL", agentA, teamA), "GOOD", "Ótimo");
        rate(north, resolved(north, "APP", agentA, teamA), "GOOD", null);
        rate(north, resolved(north, "PORTAL", agentB, teamB), "BAD", "Demorou");
        rate(south, resolved(south, "EMAIL", agentB, teamB), "GOOD", null);
        resolved(south, "APP", agentB, teamB); // asked, never answered: not a rating

        JsonNode byOrganisation = report("ORGANISATION", null);
        JsonNode g = group(byOrganisation, north.organisation());
        assertThat(g.path("rated").asLong()).isEqualTo(3);
        assertThat(g.path("good").asLong()).isEqualTo(2);
        assertThat(g.path("bad").asLong()).isEqualTo(1);
        assertThat(g.path("comments").asLong()).isEqualTo(2);
        assertThat(g.path("goodShare").asDouble()).isEqualTo(0.6667);
        assertThat(group(byOrganisation, south.organisation()).path("rated").asLong()).isEqualTo(1);

        JsonNode byAgent = report("AGENT", null);
        assertThat(group(byAgent, agentA).path("good").asLong()).isEqualTo(2);
        assertThat(group(byAgent, agentB).path("rated").asLong()).isEqualTo(2);
        assertThat(group(byAgent, agentB).path("goodShare").asDouble()).isEqualTo(0.5);
        JsonNode byTeam = report("TEAM", null);
        assertThat(group(byTeam, teamA).path("rated").asLong()).isEqualTo(2);
        assertThat(group(byTeam, teamB).path("bad").asLong()).isEqualTo(1);

        JsonNode byChannel = report("CHANNEL", north.organisation());
        assertThat(group(byChannel, "EMAIL").path("rated").asLong()).isEqualTo(1);
        assertThat(group(byChannel, "APP").path("rated").asLong()).isEqualTo(1);
        assertThat(group(byChannel, "PORTAL").path("bad").asLong()).isEqualTo(1);

        JsonNode byMonth = report("MONTH", north.organisation());
        assertThat(byMonth).hasSize(1);
        assertThat(byMonth.path(0).path("key").asString()).isEqualTo(month);
        assertThat(byMonth.path(0).path("rated").asLong()).isEqualTo(3);

        Answer csv = api.get("/api/v1/reports/satisfaction.csv?by=ORGANISATION&from=" + month + "&to=" + month
                + "&organisationId=" + north.organisation(), lead);
        assertThat(csv.header("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("organisation,name,rated,good,bad,comments,good_share\r\n")
                .contains(north.organisation() + ",").contains(",3,2,1,2,0.6667\r\n");

        JsonNode monthly = api.get("/api/v1/reports/organisations/" + north.organisation() + "/monthly/" + month + "/satisfaction",
                north.token()).json();
        assertThat(monthly.path("rated").asLong()).isEqualTo(3);
        assertThat(api.get("/api/v1/reports/organisations/" + south.organisation() + "/monthly/" + month + "/satisfaction",
                north.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/reports/satisfaction?by=AGENT&from=" + month + "&to=" + month, north.token()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/reports/satisfaction?by=PLANET&from=" + month + "&to=" + month, lead).status()).isEqualTo(400);
    }

    @Test
    void theOpenApiDocumentDescribesSatisfactionAndTheMultipartMessage() {
        JsonNode paths = api.get("/v3/api-docs", null).json().path("paths");
        assertThat(paths.has("/api/v1/tickets/{id}/satisfaction")).isTrue();
        assertThat(paths.has("/api/v1/reports/satisfaction")).isTrue();
        assertThat(paths.path("/api/v1/tickets/{id}/messages").path("post").path("requestBody").path("content").has("multipart/form-data"))
                .isTrue();
        assertThat(paths.path("/api/v1/tickets/{id}/messages").path("post").path("requestBody").path("content").has("application/json"))
                .isTrue();
    }

    JsonNode report(String by, Long organisation) {
        Answer answer = api.get("/api/v1/reports/satisfaction?by=" + by + "&from=" + month + "&to=" + month
                + (organisation == null ? "" : "&organisationId=" + organisation), lead);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    static JsonNode group(JsonNode rows, Object key) {
        for (JsonNode row : rows) {
            if (row.path("key").asString().equals(String.valueOf(key))) {
                return row;
            }
        }
        throw new AssertionError("no group " + key + " in " + rows);
    }
}
