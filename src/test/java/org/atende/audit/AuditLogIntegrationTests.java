package org.atende.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.atende.identity.Actor;
import org.atende.identity.UserId;
import org.atende.support.Api.Answer;
import org.atende.support.ApiIntegrationSupport;
import org.atende.support.PageBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

import tools.jackson.databind.JsonNode;

/**
 * The audit log over real HTTP: each settings change made through the API lands as one entry naming who
 * made it and each field's before and after; a save that changes nothing and a refused change leave
 * none; administrators read it filtered and paged (the API and the admin page), nobody else.
 */
class AuditLogIntegrationTests extends ApiIntegrationSupport {

    @LocalServerPort
    int port;

    @Autowired
    AuditLog audit;

    long adminId() {
        return identity.userByEmail(ADMIN_EMAIL).orElseThrow().id().value();
    }

    /** The newest entries about one subject, as the API answers them. */
    List<JsonNode> entries(String kind, long subjectId) {
        Answer page = api.get("/api/v1/audit?kind=" + kind + "&size=200", admin);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<JsonNode> found = new java.util.ArrayList<>();
        page.json().path("entries").forEach(e -> {
            if (e.path("subjectId").asString().equals(String.valueOf(subjectId))) {
                found.add(e);
            }
        });
        return found;
    }

    @Test
    void recordsWhoChangedAPlanAndEachFieldBeforeAndAfter() {
        String name = unique("Essencial");
        Map<String, Object> plan = new LinkedHashMap<>(Map.of("name", name, "slaPolicyId", slaPolicy(), "defaultPriority", "MEDIUM",
                "monthlyTicketAllowance", 20, "overQuotaPolicy", "REFUSE"));
        long id = api.post("/api/v1/plans", admin, plan).id();
        plan.put("monthlyTicketAllowance", 30);
        plan.put("overQuotaPolicy", "ACCEPT_AND_FLAG");

        assertThat(api.put("/api/v1/plans/" + id, admin, plan).status()).isEqualTo(200);
        assertThat(api.put("/api/v1/plans/" + id, admin, plan).status()).as("saved again, unchanged").isEqualTo(200);

        List<JsonNode> entries = entries("PLAN", id);
        assertThat(entries).hasSize(2);
        JsonNode changed = entries.getFirst();
        assertThat(changed.path("action").asString()).isEqualTo("CHANGED");
        assertThat(changed.path("actorUserId").asLong()).isEqualTo(adminId());
        assertThat(changed.path("actor").asString()).isEqualTo("Administrator");
        assertThat(changed.path("subject").asString()).isEqualTo("Plan " + name);
        assertThat(changed.path("changes").propertyNames()).containsExactly("monthlyTicketAllowance", "overQuotaPolicy");
        assertThat(changed.at("/changes/monthlyTicketAllowance/before").asString()).isEqualTo("20");
        assertThat(changed.at("/changes/monthlyTicketAllowance/after").asString()).isEqualTo("30");
        assertThat(changed.at("/changes/overQuotaPolicy/after").asString()).isEqualTo("ACCEPT_AND_FLAG");
        JsonNode created = entries.get(1);
        assertThat(created.path("action").asString()).isEqualTo("CREATED");
        assertThat(created.at("/changes/name/before").isNull()).isTrue();
        assertThat(created.at("/changes/name/after").asString()).isEqualTo(name);
    }

    @Test
    void recordsNothingOfARefusedChange() {
        long id = createPlan();
        int before = entries("PLAN", id).size();

        Answer refused = api.put("/api/v1/plans/" + id, admin, Map.of("name", "", "slaPolicyId", slaPolicy(), "defaultPriority", "SOMETIMES"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(entries("PLAN", id)).hasSize(before);
    }

    @Test
    void recordsPolicyCalendarRuleRoleTokenAndOrganisationChanges() {
        String targets = "{\"firstResponse\": {\"amount\": 4, \"unit\": \"HOURS\"}, \"resolution\": {\"amount\": 2, \"unit\": \"DAYS\"}}";
        String policy = "{\"name\": \"%s\", \"warningPercent\": %d, \"targets\": {\"LOW\": %s, \"MEDIUM\": %s, \"HIGH\": %s, \"URGENT\": %s}}";
        String policyName = unique("Premium");
        long policyId = api.send("POST", "/api/v1/sla-policies", admin, policy.formatted(policyName, 80, targets, targets, targets, targets),
                "application/json").id();
        api.send("PUT", "/api/v1/sla-policies/" + policyId, admin,
                policy.formatted(policyName, 90, targets, targets, targets.replace("\"amount\": 4", "\"amount\": 2"), targets), "application/json");
        JsonNode policyChange = entries("SLA_POLICY", policyId).getFirst();
        assertThat(policyChange.path("changes").propertyNames()).containsExactlyInAnyOrder("warningPercent", "firstResponse.HIGH");
        assertThat(policyChange.at("/changes/firstResponse.HIGH/before").asString()).isEqualTo("4 HOURS");
        assertThat(policyChange.at("/changes/firstResponse.HIGH/after").asString()).isEqualTo("2 HOURS");

        String week = "{\"zone\": \"Europe/Lisbon\", \"week\": {\"mon\": [\"%s\"]}}";
        long calendarId = api.send("POST", "/api/v1/calendars", admin,
                "{\"name\": \"" + unique("Porto") + "\", \"calendar\": " + week.formatted("09:00-18:00") + "}", "application/json").id();
        api.send("PUT", "/api/v1/calendars/" + calendarId, admin,
                "{\"name\": \"Porto renamed\", \"calendar\": " + week.formatted("08:00-17:00") + "}", "application/json");
        JsonNode calendarChange = entries("CALENDAR", calendarId).getFirst();
        assertThat(calendarChange.at("/changes/name/after").asString()).isEqualTo("Porto renamed");
        assertThat(calendarChange.at("/changes/definition/before").asString()).contains("09:00-18:00");
        assertThat(calendarChange.at("/changes/definition/after").asString()).contains("08:00-17:00");

        long rule = api.post("/api/v1/escalation-rules", admin, Map.of("name", unique("Urgent"), "conditions",
                Map.of("clockKind", "RESOLUTION"), "threshold", Map.of("kind", "BREACHED"), "actions", Map.of("raisePriority", "URGENT"))).id();
        assertThat(api.delete("/api/v1/escalation-rules/" + rule, admin).status()).isEqualTo(204);
        assertThat(entries("ESCALATION_RULE", rule)).extracting(e -> e.path("action").asString()).containsExactly("DELETED", "CREATED");

        long user = createUser("AGENT", null, null);
        Map<String, Object> lead = new LinkedHashMap<>(api.get("/api/v1/users/" + user, admin).fields("id"));
        lead.put("role", "LEAD");
        Answer promoted = api.put("/api/v1/users/" + user, admin, lead);
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        JsonNode roleChange = entries("USER", user).getFirst();
        assertThat(roleChange.path("changes").propertyNames()).containsExactly("role");
        assertThat(roleChange.at("/changes/role/before").asString()).isEqualTo("AGENT");
        assertThat(roleChange.at("/changes/role/after").asString()).isEqualTo("LEAD");

        Answer token = api.post("/api/v1/users/" + user + "/tokens", admin, Map.of("name", "reporting app"));
        long tokenId = token.id();
        assertThat(api.delete("/api/v1/tokens/" + tokenId, admin).status()).isIn(200, 204);
        List<JsonNode> tokenEntries = entries("API_TOKEN", tokenId);
        assertThat(tokenEntries).extracting(e -> e.path("action").asString()).containsExactly("REVOKED", "ISSUED");
        assertThat(tokenEntries.toString()).doesNotContain(token.json().path("secret").asString());

        long organisation = createOrganisation();
        long otherPlan = createPlan();
        Map<String, Object> moved = new LinkedHashMap<>(api.get("/api/v1/organisations/" + organisation, admin).fields("id"));
        moved.put("planId", otherPlan);
        moved.keySet().retainAll(List.of("name", "planId", "language", "calendarId", "emailDomains", "accountLeadId"));
        Answer move = api.put("/api/v1/organisations/" + organisation, admin, moved);
        assertThat(move.status()).as(move.body()).isEqualTo(200);
        assertThat(entries("ORGANISATION", organisation).getFirst().at("/changes/plan/after").asString()).isEqualTo(String.valueOf(otherPlan));
    }

    @Test
    void recordsRoutingRulesAsTheyAreCreatedChangedAndDeleted() {
        long team = api.post("/api/v1/teams", admin, Map.of("name", unique("Rota"), "kind", "FIRST_LINE")).id();
        String name = unique("Por e-mail");
        Answer created = api.post("/api/v1/routing-rules", admin, Map.of("name", name, "conditions", Map.of("channels", List.of("EMAIL")),
                "action", Map.of("teamId", team, "method", "NONE")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Answer changed = api.put("/api/v1/routing-rules/" + created.id(), admin, Map.of("name", name,
                "conditions", Map.of("channels", List.of("WHATSAPP", "EMAIL"), "words", List.of("fatura")),
                "action", Map.of("teamId", team, "method", "NONE")));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(api.delete("/api/v1/routing-rules/" + created.id(), admin).status()).isIn(200, 204);

        List<JsonNode> entries = entries("ROUTING_RULE", created.id());
        assertThat(entries).extracting(e -> e.path("action").asString()).containsExactly("DELETED", "CHANGED", "CREATED");
        JsonNode change = entries.get(1);
        assertThat(change.path("subject").asString()).isEqualTo("Routing rule " + name);
        assertThat(change.path("changes").propertyNames()).containsExactlyInAnyOrder("channels", "words");
        assertThat(change.at("/changes/channels/before").asString()).isEqualTo("EMAIL");
        assertThat(change.at("/changes/channels/after").asString()).isEqualTo("EMAIL, WHATSAPP");
        assertThat(change.at("/changes/words/after").asString()).isEqualTo("fatura");
    }

    @Test
    void namesCustomersByTheirUserIdOnly() {
        long organisation = createOrganisation();
        long contact = createContact(organisation, unique("luis") + "@cliente.example");
        long user = createUser("CUSTOMER", organisation, contact);
        Actor customer = identity.actor(new UserId(user)).orElseThrow();
        SecurityContextHolder.getContext().setAuthentication(new PreAuthenticatedAuthenticationToken(customer, null, List.of()));
        try {
            audit.record(AuditedChange.created(AuditKind.CHANNEL_SETTING, "whatsapp.number", "A setting a customer touched",
                    AuditedChange.fields("value", "x")));
        } finally {
            SecurityContextHolder.clearContext();
        }

        JsonNode recorded = api.get("/api/v1/audit?kind=CHANNEL_SETTING", admin).json().path("entries").get(0);
        assertThat(recorded.path("actorUserId").asLong()).isEqualTo(user);
        assertThat(recorded.path("actor").asString()).isEqualTo("Customer user #" + user);
        JsonNode created = entries("USER", user).getFirst();
        assertThat(created.path("subject").asString()).isEqualTo("Customer user #" + user);
        assertThat(created.toString()).doesNotContain("@cliente.example", "Ana");
    }

    @Test
    void letsOnlyAdministratorsReadItFilteredByKindUserAndPeriodAndPaged() {
        // From this instant on, not a second earlier: the other tests here change plans as the administrator too.
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String lead = tokenForNew("LEAD");
        long leadId = api.get("/api/v1/me", lead).json().path("id").asLong();
        List<String> created = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(String.valueOf(createPlan()));
        }

        assertThat(api.get("/api/v1/audit", lead).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/audit", tokenForNew("AGENT")).status()).isEqualTo(403);
        Answer plans = api.get("/api/v1/audit?kind=PLAN&userId=" + adminId() + "&from=" + start + "&size=2", admin);
        assertThat(plans.status()).as(plans.body()).isEqualTo(200);
        assertThat(plans.json().path("total").asLong()).isEqualTo(3);
        assertThat(plans.json().path("entries")).hasSize(2);
        Answer next = api.get("/api/v1/audit?kind=PLAN&userId=" + adminId() + "&from=" + start + "&size=2&page=1", admin);
        assertThat(next.json().path("entries")).hasSize(1);
        assertThat(next.json().path("entries").get(0).path("id").asLong())
                .isLessThan(plans.json().path("entries").get(1).path("id").asLong());
        assertThat(api.get("/api/v1/audit?kind=PLAN&userId=" + leadId, admin).json().path("total").asLong()).isZero();
        List<String> before = new java.util.ArrayList<>();
        api.get("/api/v1/audit?kind=PLAN&to=" + start + "&size=200", admin).json().path("entries")
                .forEach(e -> before.add(e.path("subjectId").asString()));
        assertThat(before).as("plan changes before the test began").doesNotContainAnyElementsOf(created);
        assertThat(api.get("/api/v1/audit?kind=NOT_A_KIND", admin).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/audit?size=0", admin).status()).isEqualTo(400);
    }

    @Test
    void showsTheLogOnTheAdminPagesToAdministratorsOnly() {
        String name = unique("Visible");
        Map<String, Object> plan = new LinkedHashMap<>(Map.of("name", name, "slaPolicyId", slaPolicy(), "defaultPriority", "LOW",
                "monthlyTicketAllowance", 5, "overQuotaPolicy", "REFUSE"));
        long id = api.post("/api/v1/plans", admin, plan).id();
        plan.put("monthlyTicketAllowance", 7);
        api.put("/api/v1/plans/" + id, admin, plan);

        PageBrowser browser = new PageBrowser(port).signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        var page = browser.get("/admin/audit?kind=PLAN");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(">" + name + "<", "<del>5</del>", "<ins>7</ins>", "monthlyTicketAllowance");
        assertThat(browser.get("/admin/audit?kind=CALENDAR").body()).doesNotContain(name);
        assertThat(browser.get("/admin").body()).contains("href=\"/admin/audit\"");

        Map<String, Object> leadUser = new LinkedHashMap<>(Map.of("email", unique("lead") + "@vendor.example", "name", "Lia Lead",
                "role", "LEAD", "password", "amber kettle, 71 violet dunes"));
        assertThat(api.post("/api/v1/users", admin, leadUser).status()).isEqualTo(201);
        PageBrowser leadBrowser = new PageBrowser(port).signIn((String) leadUser.get("email"), "amber kettle, 71 violet dunes");
        assertThat(leadBrowser.get("/admin/audit").statusCode()).isEqualTo(403);
        assertThat(leadBrowser.get("/admin").body()).doesNotContain("href=\"/admin/audit\"");
    }
}
