package org.atende.techservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.atende.support.Api.Answer;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Who sees and does what: customers see what was sent to their organisation, nothing else exists for them. */
class QuoteAccessIntegrationTests extends QuoteApiSupport {

    List<Long> idsSeenBy(String token) {
        Answer list = api.get("/api/v1/tickets/" + ticket + "/quotes", token);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().valueStream().map(q -> q.path("id").asLong()).toList();
    }

    @Test
    void customersNeverSeeDrafts() {
        long draft = draft();
        assertThat(idsSeenBy(ana)).isEmpty();
        assertThat(idsSeenBy(agent)).containsExactly(draft);
        problem(get(draft, ana), 404, "not-found");
        problem(step(draft, "accept", ana), 404, "not-found");
        problem(step(draft, "reject", ana), 404, "not-found");

        ok(step(draft, "send", agent));
        long revision = draft(ticket, 40_000);

        assertThat(idsSeenBy(ana)).containsExactly(draft);
        assertThat(ok(get(draft, ana)).path("state").asString()).isEqualTo("SENT");
        problem(get(revision, ana), 404, "not-found");
        assertThat(idsSeenBy(agent)).containsExactly(draft, revision);
    }

    @Test
    void aDraftSupersededBeforeItWasSentStaysOutOfTheCustomersSight() {
        long unsent = draft();
        long revision = draft(ticket, 40_000);
        ok(step(revision, "send", agent));

        assertThat(state(unsent)).isEqualTo("SUPERSEDED");
        assertThat(idsSeenBy(ana)).containsExactly(revision);
        problem(get(unsent, ana), 404, "not-found");
    }

    @Test
    void anotherOrganisationsTicketAndQuotesAreNotFoundOnEveryEndpoint() {
        long sent = sent();
        long draft = draft(ticket, 10_000);
        String quote = "/api/v1/quotes/" + sent;
        List<Answer> answers = List.of(
                api.get("/api/v1/tickets/" + ticket + "/quotes", bruno),
                api.post("/api/v1/tickets/" + ticket + "/quotes", bruno, terms("x", "1", 100, "2026-07-31")),
                api.get(quote, bruno),
                api.get("/api/v1/quotes/" + draft, bruno),
                api.send("PATCH", "/api/v1/quotes/" + draft, bruno, "{\"amountCents\":1}", "application/json"),
                step(draft, "send", bruno),
                step(sent, "accept", bruno),
                step(sent, "reject", bruno, Map.of("reason", "not ours")),
                step(sent, "done", bruno),
                invoice(sent, bruno, "FT 1"));
        assertThat(answers).allSatisfy(a -> {
            assertThat(a.status()).as(a.body()).isEqualTo(404);
            assertThat(a.json().path("type").asString()).isEqualTo(PROBLEMS + "not-found");
        });
        assertThat(state(sent)).isEqualTo("SENT");
        assertThat(state(draft)).isEqualTo("DRAFT");
        assertThat(published.all(QuoteAccepted.class)).isEmpty();
    }

    @Test
    void aCustomerOfTheOrganisationMayDecideButNotAnotherOrganisationsCustomer() {
        long id = sent();
        String colleague = customerOf(acme);
        JsonNode accepted = ok(step(id, "accept", colleague));
        assertThat(accepted.path("state").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void staffSeeEveryOrganisationsQuotes() {
        long draft = draft();
        String otherAgent = tokenForNew("AGENT");
        assertThat(ok(get(draft, otherAgent)).path("state").asString()).isEqualTo("DRAFT");
        assertThat(ok(get(draft, admin)).path("organisationId").asLong()).isEqualTo(acme);
    }

    @Test
    void anUnknownQuoteOrTicketIsNotFoundAndNobodyIsServedWithoutAToken() {
        problem(get(987_654_321L, agent), 404, "not-found");
        problem(step(987_654_321L, "send", agent), 404, "not-found");
        problem(api.get("/api/v1/tickets/987654321/quotes", agent), 404, "not-found");
        long id = draft();
        assertThat(api.get("/api/v1/quotes/" + id, null).status()).isEqualTo(401);
        assertThat(step(id, "send", "atd_not-a-token").status()).isEqualTo(401);
        assertThat(state(id)).isEqualTo("DRAFT");
    }

    @Test
    void theApiDocumentDescribesTheQuoteEndpoints() {
        Answer document = api.get("/v3/api-docs", null);
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().path("paths").propertyNames()).contains("/api/v1/tickets/{ticketId}/quotes",
                "/api/v1/quotes/{id}", "/api/v1/quotes/{id}/send", "/api/v1/quotes/{id}/accept", "/api/v1/quotes/{id}/reject",
                "/api/v1/quotes/{id}/done", "/api/v1/quotes/{id}/invoice", "/api/v1/quotes/billing");
    }
}
