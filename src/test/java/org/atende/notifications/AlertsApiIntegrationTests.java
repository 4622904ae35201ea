package org.atende.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.atende.support.Api.Answer;
import org.atende.support.ApiIntegrationSupport;
import org.junit.jupiter.api.Test;

/** The escalation rules' and the desk notifications' REST API over real HTTP: who may call it, what it answers. */
class AlertsApiIntegrationTests extends ApiIntegrationSupport {

    static Map<String, Object> rule(String name) {
        Map<String, Object> conditions = new LinkedHashMap<>();
        conditions.put("clockKind", "RESOLUTION");
        conditions.put("priorities", List.of("HIGH", "URGENT"));
        return Map.of("name", name, "conditions", conditions, "threshold", Map.of("kind", "ELAPSED", "percent", 50),
                "actions", Map.of("raisePriority", "ONE_LEVEL"));
    }

    @Test
    void leadsWriteEscalationRulesAndAgentsMayNot() {
        String lead = tokenForNew("LEAD");
        String agent = tokenForNew("AGENT");

        Answer created = api.post("/api/v1/escalation-rules", lead, rule("Half way on high"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).contains("/api/v1/escalation-rules/" + created.id());
        assertThat(created.json().path("active").asBoolean()).isTrue();
        assertThat(created.json().path("threshold").path("percent").asInt()).isEqualTo(50);
        assertThat(created.json().path("conditions").path("priorities").size()).isEqualTo(2);

        assertThat(api.post("/api/v1/escalation-rules", agent, rule("Not mine")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/escalation-rules", agent).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/escalation-rules", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/escalation-rules", admin).json().findValuesAsString("name")).contains("Half way on high");

        Map<String, Object> changed = new LinkedHashMap<>(rule("Half way on high, off"));
        changed.put("active", false);
        Answer put = api.put("/api/v1/escalation-rules/" + created.id(), lead, changed);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().path("active").asBoolean()).isFalse();
        assertThat(api.delete("/api/v1/escalation-rules/" + created.id(), lead).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/escalation-rules/" + created.id(), lead).status()).isEqualTo(404);
    }

    @Test
    void refusesAnInvalidRuleWithEveryProblem() {
        Answer refused = api.post("/api/v1/escalation-rules", admin, Map.of("name", "",
                "conditions", Map.of("clockKind", "RESOLUTION"), "threshold", Map.of("kind", "WARNING", "percent", 10),
                "actions", Map.of("notifyTeamId", 987654)));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("type").asString()).isEqualTo("https://atende.example/problems/invalid-escalation-rule");
        assertThat(refused.json().path("problems").toString()).contains("name: required", "threshold.percent: only for ELAPSED",
                "actions.notifyTeamId: no team 987654");
        assertThat(api.post("/api/v1/escalation-rules", admin, Map.of("name", "x", "threshold", Map.of("kind", "SOMETIMES")))
                .status()).isEqualTo(400);
    }

    @Test
    void staffListTheirUnreadDeskNotificationsAndMarkThemRead() {
        long agent = createUser("AGENT", null, null);
        String token = tokenFor(agent);
        String other = tokenForNew("AGENT");
        jdbc.sql("INSERT INTO desk_notification (user_id, kind, ticket_id, text_key, text_params, created_at) VALUES (?, ?, NULL, ?, ?, ?)")
                .params(agent, "SLA_WARNING", "notification.sla.warning",
                        "[\"1042\",\"Invoices\",\"Padaria\",\"first response\",\"Thursday\",\"1 h 00 min\"]",
                        Timestamp.from(Instant.parse("2026-11-26T13:00:00Z"))).update();

        Answer unread = api.get("/api/v1/notifications", token);
        assertThat(unread.status()).as(unread.body()).isEqualTo(200);
        assertThat(unread.json().size()).isEqualTo(1);
        assertThat(unread.json().get(0).path("text").asString())
                .isEqualTo("#1042 (Invoices, Padaria): first response target at risk, due Thursday, 1 h 00 min left");
        long id = unread.json().get(0).path("id").asLong();

        assertThat(api.get("/api/v1/notifications", other).json().size()).isZero();
        assertThat(api.post("/api/v1/notifications/" + id + "/read", other, Map.of()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/notifications/" + id + "/read", token, Map.of()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/notifications", token).json().size()).isZero();
        assertThat(api.get("/api/v1/notifications", null).status()).isEqualTo(401);
    }
}
