package org.atende.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.atende.support.Api.Answer;
import org.atende.support.ApiIntegrationSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** {@code /api/v1/knowledge} over HTTP: who reads what, who writes, and what is counted. */
class KnowledgeApiIntegrationTests extends ApiIntegrationSupport {

    private String customer;
    private String agent;
    private String lead;

    @BeforeEach
    void people() {
        long organisation = createOrganisation(unique("kb") + ".example");
        long contact = createContact(organisation, unique("ana") + "@kb.example");
        customer = tokenFor(createUser("CUSTOMER", organisation, contact));
        agent = tokenForNew("AGENT");
        lead = tokenForNew("LEAD");
    }

    private Map<String, Object> article(String slug, String language, String title, String markdown) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", slug);
        body.put("language", language);
        body.put("title", title);
        body.put("markdown", markdown);
        return body;
    }

    private long published(String slug, String language, String title, String markdown) {
        Answer created = api.post("/api/v1/knowledge/articles", lead, article(slug, language, title, markdown));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Answer published = api.post("/api/v1/knowledge/articles/" + created.id() + "/publish", lead, Map.of());
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().path("status").asString()).isEqualTo("PUBLISHED");
        return created.id();
    }

    @Test
    void aCustomerReadsPublishedArticlesOnlyAndHerReadsAreCounted() {
        String slug = unique("reset-password");
        long live = published(slug, "EN", "Reset your password", "Click **Forgot your password?** on the sign-in page.");
        Answer draft = api.post("/api/v1/knowledge/articles", lead, article(unique("draft"), "EN", "Not yet", "Soon."));

        Answer list = api.get("/api/v1/knowledge/articles?language=EN", customer);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().valueStream().map(a -> a.path("status").asString())).containsOnly("PUBLISHED");
        assertThat(list.json().valueStream().map(a -> a.path("id").asLong())).contains(live).doesNotContain(draft.id());
        assertThat(api.get("/api/v1/knowledge/articles?status=DRAFT", customer).json().size()).isZero();
        assertThat(api.get("/api/v1/knowledge/articles?status=DRAFT", agent).json().valueStream().map(a -> a.path("id").asLong()))
                .contains(draft.id());

        Answer hidden = api.get("/api/v1/knowledge/articles/" + draft.id(), customer);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.json().path("type").asString()).endsWith("/not-found");
        assertThat(api.get("/api/v1/knowledge/articles/" + draft.id(), agent).status()).isEqualTo(200);

        Answer read = api.get("/api/v1/knowledge/articles/by-slug/EN/" + slug, customer);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().path("html").asString()).contains("<strong>Forgot your password?</strong>");
        api.get("/api/v1/knowledge/articles/" + live, customer);
        api.get("/api/v1/knowledge/articles/" + live, agent); // staff reads are not views

        JsonNode stats = api.get("/api/v1/knowledge/articles/" + live + "/stats", agent).json();
        assertThat(stats.path("total").path("views").asLong()).isEqualTo(2);
    }

    @Test
    void onlyLeadsAndAdminsWriteAndEveryoneMustSignIn() {
        Map<String, Object> body = article(unique("rules"), "ES", "Reglas", "Texto.");
        assertThat(api.post("/api/v1/knowledge/articles", customer, body).status()).isEqualTo(403);
        Answer byAgent = api.post("/api/v1/knowledge/articles", agent, body);
        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(byAgent.json().path("type").asString()).endsWith("/forbidden");
        assertThat(api.get("/api/v1/knowledge/articles", null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/knowledge/articles", admin, body).status()).isEqualTo(201);

        long id = published(unique("cambio"), "ES", "Antes", "Texto.");
        Map<String, Object> change = article(unique("cambio"), "ES", "Después", "Texto nuevo.");
        assertThat(api.put("/api/v1/knowledge/articles/" + id, agent, change).status()).isEqualTo(403);
        Answer changed = api.put("/api/v1/knowledge/articles/" + id, lead, change);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("title").asString()).isEqualTo("Después");
        assertThat(changed.json().path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(api.post("/api/v1/knowledge/articles/" + id + "/unpublish", lead, Map.of()).json().path("status").asString())
                .isEqualTo("DRAFT");
        assertThat(api.get("/api/v1/knowledge/articles/" + id, customer).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/knowledge/articles/" + id, agent).status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/knowledge/articles/" + id, lead).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/knowledge/articles/" + id, lead).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/knowledge/articles/999999/publish", lead, Map.of()).status()).isEqualTo(404);
    }

    @Test
    void answersBadInputWithProblemDetails() {
        Answer bad = api.post("/api/v1/knowledge/articles", lead, article("Not A Slug", "EN", "", ""));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("type").asString()).isEqualTo("https://atende.example/problems/invalid-article");
        assertThat(bad.json().path("problems").size()).isEqualTo(3);

        Answer language = api.post("/api/v1/knowledge/articles", lead, article("ok", "FR", "T", "M"));
        assertThat(language.status()).isEqualTo(400);
        assertThat(language.json().path("type").asString()).endsWith("/malformed-request");

        Answer noText = api.get("/api/v1/knowledge/suggestions?language=EN", customer);
        assertThat(noText.status()).isEqualTo(400);
        assertThat(noText.json().path("type").asString()).endsWith("/malformed-request");

        String slug = unique("twice");
        published(slug, "EN", "Twice", "Text.");
        Answer taken = api.post("/api/v1/knowledge/articles", lead, article(slug, "EN", "Again", "Text."));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().path("type").asString()).endsWith("/conflict");
    }

    @Test
    void suggestsWhileTheCustomerWritesAndCountsWhatSolvedIt() {
        String slug = unique("exportar-facturas");
        long id = published(slug, "ES", "Exportar facturas a Excel o PDF",
                "Abra **Facturas**, filtre el mes y pulse **Exportar**. Si la exportación a PDF da error, pruebe un mes más corto.");

        Answer suggestions = api.get("/api/v1/knowledge/suggestions?language=ES&limit=3&text="
                + java.net.URLEncoder.encode("No consigo exportar las facturas a PDF", java.nio.charset.StandardCharsets.UTF_8), customer);
        assertThat(suggestions.status()).as(suggestions.body()).isEqualTo(200);
        assertThat(suggestions.json().get(0).path("slug").asString()).isEqualTo(slug);
        assertThat(suggestions.json().get(0).path("excerpt").asString()).startsWith("Abra Facturas, filtre el mes");

        Answer search = api.get("/api/v1/knowledge/search?language=ES&q=exportar%20facturas", customer);
        assertThat(search.json().valueStream().map(s -> s.path("slug").asString())).contains(slug);

        assertThat(api.post("/api/v1/knowledge/articles/" + id + "/deflections", customer, Map.of()).status()).isEqualTo(204);
        assertThat(api.post("/api/v1/knowledge/articles/999999/deflections", customer, Map.of()).status()).isEqualTo(404);

        assertThat(api.get("/api/v1/knowledge/articles/" + id + "/stats", customer).status()).isEqualTo(403);
        JsonNode stats = api.get("/api/v1/knowledge/articles/" + id + "/stats", lead).json();
        assertThat(stats.path("total").path("suggestions").asLong()).isEqualTo(1);
        assertThat(stats.path("total").path("deflections").asLong()).isEqualTo(1);
        assertThat(stats.path("days").size()).isEqualTo(1);
    }

    @Test
    void leadsKeepCategoriesInThreeLanguages() {
        String slug = unique("billing");
        Map<String, Object> draft = Map.of("slug", slug, "nameEs", "Facturación", "namePt", "Faturação", "nameEn", "Billing");
        assertThat(api.post("/api/v1/knowledge/categories", agent, draft).status()).isEqualTo(403);
        Answer created = api.post("/api/v1/knowledge/categories", lead, draft);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(api.get("/api/v1/knowledge/categories", customer).json().valueStream().map(c -> c.path("slug").asString()))
                .contains(slug);

        Map<String, Object> withCategory = article(unique("iva"), "PT", "IVA nas faturas", "Texto.");
        withCategory.put("categoryId", created.id());
        Answer article = api.post("/api/v1/knowledge/articles", lead, withCategory);
        assertThat(article.json().path("category").path("namePt").asString()).isEqualTo("Faturação");

        Answer renamed = api.put("/api/v1/knowledge/categories/" + created.id(), lead,
                Map.of("slug", slug, "nameEs", "Facturas", "namePt", "Faturas", "nameEn", "Invoices", "position", 4));
        assertThat(renamed.json().path("nameEn").asString()).isEqualTo("Invoices");
        Answer invalid = api.post("/api/v1/knowledge/categories", lead, Map.of("slug", unique("x"), "nameEs", "", "namePt", "P", "nameEn", "E"));
        assertThat(invalid.json().path("type").asString()).endsWith("/invalid-category");
        assertThat(api.delete("/api/v1/knowledge/categories/" + created.id(), lead).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/knowledge/articles/" + article.id(), lead).json().path("category").isNull()).isTrue();
    }

    @Test
    void isInTheOpenApiDocument() {
        JsonNode paths = api.get("/v3/api-docs", null).json().path("paths");
        assertThat(paths.propertyNames()).contains("/api/v1/knowledge/articles", "/api/v1/knowledge/suggestions",
                "/api/v1/knowledge/articles/{id}/deflections", "/api/v1/knowledge/categories");
    }
}
