package org.atende.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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

/** {@code /api/v1/views} over HTTP with real tokens: saving, who sees and changes what, counts and paging by cursor. */
class ViewApiIntegrationTests extends ApiIntegrationSupport {

    TeamId team;
    TeamId otherTeam;
    String agent;
    String teammate;
    String stranger;
    String lead;
    String customer;
    long organisation;

    @BeforeEach
    void people() {
        team = identity.createTeam(new TeamDraft(unique("Primeira linha"), TeamKind.FIRST_LINE)).id();
        otherTeam = identity.createTeam(new TeamDraft(unique("Segunda linha"), TeamKind.SECOND_LINE)).id();
        agent = token(staff(Role.AGENT, "Inês " + unique("Duarte"), team));
        teammate = token(staff(Role.AGENT, "Tiago " + unique("Moreira"), team));
        stranger = token(staff(Role.AGENT, "Rita " + unique("Lopes"), otherTeam));
        lead = token(staff(Role.LEAD, "Rui " + unique("Lead"), team));
        organisation = createOrganisation();
        long contact = createContact(organisation, unique("joana") + "@padaria.example");
        customer = tokenFor(createUser("CUSTOMER", organisation, contact));
    }

    UserSummary staff(Role role, String name, @Nullable TeamId in) {
        return identity.createUser(new UserDraft(unique("staff") + "@atende.example", name, role, null, null, in, true, null));
    }

    String token(UserSummary user) {
        return identity.issueToken(user.id(), new TokenDraft("tests", null)).secret();
    }

    static Map<String, Object> view(String name, @Nullable String scope, Map<String, Object> filter) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("scope", scope);
        body.put("filter", filter);
        return body;
    }

    long ticket(String subject, String body) {
        Answer t = api.post("/api/v1/tickets", customer, Map.of("subject", subject, "body", body));
        assertThat(t.status()).as(t.body()).isEqualTo(201);
        return t.id();
    }

    List<Long> ids(String path, String token) {
        Answer a = api.get(path, token);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        a.json().path("items").forEach(i -> ids.add(i.path("id").asLong()));
        return ids;
    }

    @Test
    void savesAPersonalViewThatCountsAndListsItsTicketsByStemmedWords() {
        long exporting = ticket("Relatório", "O sistema não exporta as faturas");
        ticket("Outra coisa", "A impressora avariou");

        Answer saved = api.post("/api/v1/views", agent, view("Exportações", null,
                Map.of("q", "exportar", "organisationId", organisation)));

        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(saved.json().path("scope").asString()).isEqualTo("PERSONAL");
        assertThat(saved.json().path("sort").asString()).isEqualTo("RELEVANCE");
        assertThat(saved.json().path("count").asLong()).isEqualTo(1);
        assertThat(saved.json().path("countExact").asBoolean()).isTrue();
        assertThat(saved.json().path("columns").get(0).asString()).isEqualTo("NUMBER");
        Answer page = api.get("/api/v1/views/" + saved.id() + "/tickets", agent);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().path("items").get(0).path("id").asLong()).isEqualTo(exporting);
        assertThat(page.json().path("items").get(0).path("snippet").asString()).contains("<mark>exporta</mark>");
        assertThat(page.json().path("next").isNull()).isTrue();
    }

    @Test
    void keepsAPersonalViewFromEveryoneElse() {
        long id = api.post("/api/v1/views", agent, view("Minhas", "PERSONAL", Map.of())).id();

        assertThat(api.get("/api/v1/views/" + id, teammate).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/views/" + id, lead).status()).isEqualTo(404);
        assertThat(api.put("/api/v1/views/" + id, teammate, view("Minhas", null, Map.of())).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/views/" + id, admin).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/views", teammate).json().findValues("id")).noneMatch(v -> v.asLong() == id);
    }

    @Test
    void letsOnlyLeadsAndAdminsShareWithATeamOrEveryone() {
        Answer byAgent = api.post("/api/v1/views", agent, view("Equipa", "TEAM", Map.of()));
        Answer shared = api.post("/api/v1/views", agent, view("Todos", "SHARED", Map.of()));
        Answer byLead = api.post("/api/v1/views", lead, view("Equipa", "TEAM", Map.of()));

        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(byAgent.json().path("type").asString()).endsWith("/forbidden");
        assertThat(shared.status()).isEqualTo(403);
        assertThat(byLead.status()).as(byLead.body()).isEqualTo(201);
        assertThat(byLead.json().path("teamId").asLong()).isEqualTo(team.value());
        long id = byLead.id();
        assertThat(api.get("/api/v1/views/" + id, teammate).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/views/" + id, stranger).status()).isEqualTo(404);
        assertThat(api.put("/api/v1/views/" + id, teammate, view("Mudada", "TEAM", Map.of())).status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/views/" + id, teammate).status()).isEqualTo(403);
        Answer everyone = api.put("/api/v1/views/" + id, lead, view("Todos", "SHARED", Map.of()));
        assertThat(everyone.status()).as(everyone.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/views/" + id, stranger).status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/views/" + id, lead).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/views/" + id, lead).status()).isEqualTo(404);
    }

    @Test
    void refusesCustomersAndNamelessViews() {
        assertThat(api.get("/api/v1/views", customer).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/views", customer, view("X", null, Map.of())).status()).isEqualTo(403);
        Answer nameless = api.post("/api/v1/views", agent, view(" ", null, Map.of()));
        assertThat(nameless.status()).isEqualTo(400);
        assertThat(nameless.json().path("type").asString()).endsWith("/invalid-view");
        assertThat(api.get("/api/v1/views", null).status()).isEqualTo(401);
    }

    @Test
    void pagesThroughAViewByCursor() {
        List<Long> opened = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            opened.add(ticket("Pedido " + i, "Olá"));
        }
        long id = api.post("/api/v1/views", agent, view("Da padaria", null, Map.of("organisationId", organisation))).id();

        List<Long> walked = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Answer page = api.get("/api/v1/views/" + id + "/tickets?size=2" + (after == null ? "" : "&after=" + after), agent);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().path("items").forEach(t -> walked.add(t.path("id").asLong()));
            JsonNode next = page.json().path("next");
            after = next.isNull() || next.isMissingNode() ? null : next.asString();
            pages++;
        } while (after != null);

        assertThat(walked).containsExactlyInAnyOrderElementsOf(opened).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(3);
        assertThat(api.get("/api/v1/views/" + id + "/tickets?after=garbage", agent).status()).isEqualTo(400);
    }

    @Test
    void searchesTheTicketListWithFiltersAndHidesNotesFromCustomers() {
        long t = ticket("Pedido", "Olá");
        Answer note = api.post("/api/v1/tickets/" + t + "/messages", agent, Map.of("body", "Confirmar o reembolso", "internal", true));
        assertThat(note.status()).as(note.body()).isIn(200, 201);

        assertThat(ids("/api/v1/tickets?q=reembolsos&organisationId=" + organisation, agent)).containsExactly(t);
        assertThat(ids("/api/v1/tickets?q=reembolsos", customer)).isEmpty();
        assertThat(ids("/api/v1/tickets?q=reembolsos&status=CLOSED&organisationId=" + organisation, agent)).isEmpty();
        assertThat(ids("/api/v1/tickets?q=pedido&sla=BREACHED&organisationId=" + organisation, agent)).isEmpty();
    }
}
