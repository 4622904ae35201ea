package org.atende.macros;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.atende.identity.Role;
import org.atende.identity.TeamDraft;
import org.atende.identity.TeamId;
import org.atende.identity.TeamKind;
import org.atende.identity.TokenDraft;
import org.atende.identity.UserDraft;
import org.atende.identity.UserSummary;
import org.atende.support.Api.Answer;
import org.atende.support.ApiIntegrationSupport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** {@code /api/v1/macros}, applying and previewing one on a ticket, and the macros report, over HTTP with real tokens. */
class MacroApiIntegrationTests extends ApiIntegrationSupport {

    TeamId team;
    String agent;
    UserSummary agentUser;
    String colleague;
    String lead;
    String customer;
    long organisation;
    long contact;

    @BeforeEach
    void people() {
        team = identity.createTeam(new TeamDraft(unique("Primeira linha"), TeamKind.FIRST_LINE)).id();
        agentUser = staff(Role.AGENT, "Inês " + unique("Duarte"), team);
        agent = token(agentUser);
        colleague = token(staff(Role.AGENT, "Tiago " + unique("Moreira"), null));
        lead = token(staff(Role.LEAD, "Rui " + unique("Lead"), null));
        organisation = createOrganisation();
        contact = createContact(organisation, unique("joana") + "@padaria.example");
        customer = tokenFor(createUser("CUSTOMER", organisation, contact));
    }

    UserSummary staff(Role role, String name, @Nullable TeamId in) {
        return identity.createUser(new UserDraft(unique("staff") + "@atende.example", name, role, null, null, in, true, null));
    }

    String token(UserSummary user) {
        return identity.issueToken(user.id(), new TokenDraft("tests", null)).secret();
    }

    static Map<String, Object> macro(String name, String scope, Map<String, Object> texts, Map<String, Object> actions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("scope", scope);
        body.put("texts", texts);
        body.put("actions", actions);
        return body;
    }

    long ticket(String subject) {
        Answer t = api.post("/api/v1/tickets", customer, Map.of("subject", subject, "body", "Não consigo exportar."));
        assertThat(t.status()).as(t.body()).isEqualTo(201);
        return t.id();
    }

    @Test
    void createsReadsSearchesChangesAndDeletesAPersonalMacro() {
        Answer created = api.post("/api/v1/macros", agent, macro("Pedir registos", "PERSONAL",
                Map.of("pt", "Olá {{contact.firstName}}, envie o registo.", "en", "Hello {{contact.firstName}}, send the log."),
                Map.of("status", "WAITING_ON_CUSTOMER", "addTags", List.of("Logs Pedidos"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.id();
        assertThat(created.header("Location")).hasValue("/api/v1/macros/" + id);
        JsonNode m = created.json();
        assertThat(m.path("scope").asString()).isEqualTo("PERSONAL");
        assertThat(m.path("ownerId").asLong()).isEqualTo(agentUser.id().value());
        assertThat(m.path("texts").path("es").isNull()).isTrue();
        assertThat(m.path("actions").path("addTags").get(0).asString()).isEqualTo("logs-pedidos");
        assertThat(m.path("useCount").asLong()).isZero();
        assertThat(m.path("texts").has("empty")).as("only the texts, no derived property").isFalse();

        assertThat(api.get("/api/v1/macros?q=REGISTO", agent).json()).extracting(n -> n.path("id").asLong()).containsExactly(id);
        assertThat(api.get("/api/v1/macros?q=nada", agent).json()).isEmpty();
        Answer changed = api.put("/api/v1/macros/" + id, agent, Map.of("name", "Pedir registos (v2)", "scope", "PERSONAL",
                "texts", Map.of("pt", "Olá de novo"), "version", m.path("version").asInt()));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("version").asInt()).isEqualTo(m.path("version").asInt() + 1);
        assertThat(changed.json().path("actions").path("status").isNull()).isTrue();
        Answer stale = api.put("/api/v1/macros/" + id, agent, Map.of("name", "x", "texts", Map.of("pt", "y"),
                "version", m.path("version").asInt()));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("type").asString()).endsWith("/stale");

        assertThat(api.delete("/api/v1/macros/" + id, agent).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/macros/" + id, agent).status()).isEqualTo(404);
    }

    @Test
    void refusesUnknownPlaceholdersNamingEachOneInTheProblem() {
        Answer refused = api.post("/api/v1/macros", agent, macro("Errada", "PERSONAL",
                Map.of("pt", "Olá {{contact.primeiroNome}}, pedido {{ticket.numero}}", "es", "Hola {{contact.primeiroNome}}",
                        "en", "Hi {{contact.firstName"), Map.of()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = refused.json();
        assertThat(problem.path("type").asString()).isEqualTo("https://atende.example/problems/invalid-macro");
        assertThat(problem.path("unknownPlaceholders")).extracting(JsonNode::asString)
                .containsExactly("{{contact.primeiroNome}}", "{{ticket.numero}}");
        assertThat(problem.path("errors")).extracting(e -> e.path("field").asString() + " " + e.path("code").asString())
                .contains("texts.pt placeholder.unknown", "texts.es placeholder.unknown", "texts.en placeholder.unclosed");
        assertThat(problem.path("detail").asString()).contains("{{contact.primeiroNome}}", "{{ticket.numero}}");
        assertThat(api.get("/api/v1/macros?q=Errada", agent).json()).isEmpty();
    }

    @Test
    void keepsEachMacroToThoseWhoMaySeeAndChangeIt() {
        Map<String, Object> shared = macro("Partilhada", "SHARED", Map.of("pt", "Olá"), Map.of());
        assertThat(api.post("/api/v1/macros", agent, shared).status()).isEqualTo(403);
        Answer byLead = api.post("/api/v1/macros", lead, shared);
        assertThat(byLead.status()).as(byLead.body()).isEqualTo(201);
        Map<String, Object> teamMacro = macro("Da equipa", "TEAM", Map.of("pt", "Olá"), Map.of());
        teamMacro.put("teamId", team.value());
        Answer ofTeam = api.post("/api/v1/macros", lead, teamMacro);
        assertThat(ofTeam.status()).as(ofTeam.body()).isEqualTo(201);
        Answer mine = api.post("/api/v1/macros", agent, macro("Minha", "PERSONAL", Map.of("pt", "Olá"), Map.of()));

        assertThat(api.get("/api/v1/macros/" + ofTeam.id(), agent).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/macros/" + ofTeam.id(), colleague).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/macros/" + mine.id(), colleague).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/macros/" + mine.id(), lead).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/macros/" + mine.id(), admin).status()).isEqualTo(200);
        assertThat(api.put("/api/v1/macros/" + byLead.id(), agent, shared).status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/macros/" + ofTeam.id(), agent).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/macros", customer).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/macros", null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/tickets/" + ticket("x") + "/macros/" + byLead.id(), customer, Map.of()).status()).isEqualTo(403);
    }

    @Test
    void previewsAMacroOnATicketThenAppliesItWithTheTextAsEdited() {
        long t = ticket("Exportação falha");
        Answer created = api.post("/api/v1/macros", agent, macro("Pedir registos", "PERSONAL",
                Map.of("pt", "Olá {{contact.firstName}}, pode enviar o registo do pedido #{{ticket.number}}?"),
                Map.of("status", "WAITING_ON_CUSTOMER", "priority", "HIGH", "assignToSelf", true)));
        long number = api.get("/api/v1/tickets/" + t, agent).json().path("number").asLong();

        Answer preview = api.post("/api/v1/tickets/" + t + "/macros/" + created.id() + "?preview=true", agent, Map.of());
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().path("applied").asBoolean()).isFalse();
        assertThat(preview.json().path("language").asString()).isEqualTo("PT");
        assertThat(preview.json().path("body").asString()).isEqualTo("Olá Ana, pode enviar o registo do pedido #" + number + "?");
        assertThat(preview.json().path("changes")).extracting(c -> c.path("field").asString() + ":" + c.path("after").asString())
                .containsExactly("status:WAITING_ON_CUSTOMER", "priority:HIGH", "assignee:" + agentUser.id().value());
        assertThat(api.get("/api/v1/tickets/" + t + "/messages", agent).json()).hasSize(1);
        int version = preview.json().path("ticketVersion").asInt();

        Answer applied = api.post("/api/v1/tickets/" + t + "/macros/" + created.id(), agent,
                Map.of("body", "Olá {{contact.firstName}}, falta só o registo.", "version", version));
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        assertThat(applied.json().path("applied").asBoolean()).isTrue();
        assertThat(applied.json().path("message").path("body").asString()).isEqualTo("Olá Ana, falta só o registo.");
        assertThat(applied.json().path("ticketVersion").asInt()).isGreaterThan(version);
        JsonNode ticket = api.get("/api/v1/tickets/" + t, agent).json();
        assertThat(ticket.path("status").asString()).isEqualTo("WAITING_ON_CUSTOMER");
        assertThat(ticket.path("priority").asString()).isEqualTo("HIGH");
        assertThat(api.get("/api/v1/tickets/" + t + "/timeline", agent).json()).extracting(e -> e.path("kind").asString())
                .contains("MACRO_APPLIED");
        assertThat(api.get("/api/v1/macros/" + created.id(), agent).json().path("useCount").asLong()).isEqualTo(1);

        Answer again = api.post("/api/v1/tickets/" + t + "/macros/" + created.id(), agent, Map.of("version", version));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("type").asString()).endsWith("/stale");
        Answer badText = api.post("/api/v1/tickets/" + t + "/macros/" + created.id(), agent, Map.of("body", "Olá {{cliente}}"));
        assertThat(badText.status()).isEqualTo(400);
        assertThat(badText.json().path("placeholders")).extracting(JsonNode::asString).containsExactly("{{cliente}}");
    }

    @Test
    void reportsTheMostUsedMacrosOfTheMonthAsJsonAndCsv() {
        long popular = api.post("/api/v1/macros", lead, macro(unique("Popular"), "SHARED", Map.of("pt", "Olá"), Map.of())).id();
        long rare = api.post("/api/v1/macros", lead, macro(unique("Rara"), "SHARED", Map.of("pt", "Olá"), Map.of())).id();
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/v1/tickets/" + ticket("p" + i) + "/macros/" + popular, agent, Map.of()).status()).isEqualTo(200);
        }
        assertThat(api.post("/api/v1/tickets/" + ticket("r") + "/macros/" + rare, colleague, Map.of()).status()).isEqualTo(200);
        String month = YearMonth.now(ZoneId.of("Europe/Lisbon")).toString();

        Answer report = api.get("/api/v1/reports/macros?from=" + month + "&to=" + month + "&organisationId=" + organisation, lead);
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json()).extracting(r -> r.path("macroId").asLong() + "=" + r.path("uses").asLong())
                .containsExactly(popular + "=3", rare + "=1");
        assertThat(report.json().get(0).path("scope").asString()).isEqualTo("SHARED");
        Answer csv = api.get("/api/v1/reports/macros.csv?from=" + month + "&to=" + month + "&organisationId=" + organisation, lead);
        assertThat(csv.body()).startsWith("macro_id,name,scope,uses\r\n" + popular + ",");
        assertThat(api.get("/api/v1/reports/macros?from=" + month + "&to=" + month, agent).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/reports/macros?from=" + month + "&to=2020-01", lead).status()).isEqualTo(400);
    }

    @Test
    void documentsTheMacroCallsInTheOpenApiDocument() {
        JsonNode paths = api.get("/v3/api-docs", null).json().path("paths");

        assertThat(paths.has("/api/v1/macros")).isTrue();
        assertThat(paths.path("/api/v1/macros/{id}").has("put")).isTrue();
        assertThat(paths.path("/api/v1/macros/{id}").has("delete")).isTrue();
        assertThat(paths.path("/api/v1/tickets/{id}/macros/{macroId}").path("post").path("summary").asString())
                .isEqualTo("Apply a macro to a ticket, or preview it");
        assertThat(paths.has("/api/v1/reports/macros")).isTrue();
    }
}
