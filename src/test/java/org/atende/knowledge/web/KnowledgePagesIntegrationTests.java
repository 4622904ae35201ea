package org.atende.knowledge.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.atende.customers.Language;
import org.atende.knowledge.ArticleDraft;
import org.atende.knowledge.ArticleStatus;
import org.atende.knowledge.CategoryDraft;
import org.atende.knowledge.KnowledgeBase;
import org.atende.support.Api.Answer;
import org.atende.support.ApiIntegrationSupport;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The knowledge base's staff pages over HTTP: who may read and change, the editor, its preview and the list. */
class KnowledgePagesIntegrationTests extends ApiIntegrationSupport {

    private static final String PASSWORD = "knowledge is power, mostly";

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeBase knowledge;

    StaffBrowser agent;
    StaffBrowser lead;

    @BeforeEach
    void staff() throws Exception {
        agent = new StaffBrowser(port).signIn(person("AGENT"), PASSWORD);
        lead = new StaffBrowser(port).signIn(person("LEAD"), PASSWORD);
    }

    private String person(String role) {
        String email = unique(role.toLowerCase()) + "@vendor.example";
        Answer user = api.post("/api/v1/users", admin, Map.of("email", email, "name", "Pat " + role, "role", role,
                "password", PASSWORD));
        assertThat(user.status()).as(user.body()).isEqualTo(201);
        return email;
    }

    private static Map<String, String> article(String slug, String title, String markdown) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("language", "EN");
        form.put("title", title);
        form.put("slug", slug);
        form.put("summary", "");
        form.put("categoryId", "");
        form.put("translationOf", "");
        form.put("markdown", markdown);
        return form;
    }

    private static long idIn(HttpResponse<String> redirect) {
        assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.replaceAll(".*/desk/knowledge/(\\d+).*", "$1"));
    }

    @Test
    void anAgentReadsTheKnowledgeBaseButIsRefusedWhenSaving() throws Exception {
        long id = knowledge.create(new ArticleDraft(unique("vpn"), Language.EN, "Connect to the VPN", null,
                "Open the client.", null, null)).id();

        HttpResponse<String> list = agent.get("/desk/knowledge");
        HttpResponse<String> article = agent.get("/desk/knowledge/" + id);
        HttpResponse<String> editor = agent.get("/desk/knowledge/new");
        HttpResponse<String> save = agent.post("/desk/knowledge", article(unique("sneaky"), "Sneaky", "No."));
        HttpResponse<String> publish = agent.post("/desk/knowledge/" + id + "/publish", Map.of());

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(list.body()).select("a[href=/desk/knowledge/" + id + "]").text()).isEqualTo("Connect to the VPN");
        assertThat(Jsoup.parse(list.body()).select("a[href=/desk/knowledge/new]")).isEmpty();
        assertThat(article.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(article.body()).select("a[href$=/edit]")).isEmpty();
        assertThat(editor.statusCode()).isEqualTo(403);
        assertThat(save.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(save.body()).select("h1").text()).isEqualTo("Not allowed");
        assertThat(save.body()).contains("Only a lead or an admin may change the knowledge base.");
        assertThat(publish.statusCode()).isEqualTo(403);
        assertThat(knowledge.article(id).orElseThrow().status()).isEqualTo(ArticleStatus.DRAFT);
    }

    @Test
    void aLeadWritesADraftPreviewsItWithoutScriptsAndPublishesIt() throws Exception {
        Document editor = Jsoup.parse(lead.get("/desk/knowledge/new").body());
        assertThat(editor.select("textarea#markdown").attr("hx-post")).isEqualTo("/desk/knowledge/preview");
        assertThat(editor.select("textarea#markdown").attr("hx-trigger")).contains("keyup changed delay:500ms");

        HttpResponse<String> preview = lead.post("/desk/knowledge/preview",
                Map.of("markdown", "# Printer\n\nTurn it **off** and on.<script>alert('x')</script>\n\n[x](javascript:alert(1))"));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("<h1>Printer</h1>").contains("<strong>off</strong>")
                .doesNotContain("<script").doesNotContain("javascript:").doesNotContain("<html");

        String slug = unique("printer");
        long id = idIn(lead.post("/desk/knowledge", article(slug, "Restart the printer", "Turn it **off** and on.")));
        Document draft = Jsoup.parse(lead.get("/desk/knowledge/" + id + "?saved").body());
        assertThat(draft.select("main h1").text()).isEqualTo("Restart the printer");
        assertThat(draft.select("article .body strong").text()).isEqualTo("off");
        assertThat(draft.select(".facts .state").text()).isEqualTo("Draft");

        HttpResponse<String> published = lead.post("/desk/knowledge/" + id + "/publish", Map.of());
        assertThat(published.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/desk/knowledge/" + id + "?published"));
        assertThat(Jsoup.parse(lead.get("/desk/knowledge/" + id).body()).select(".facts .state").text()).isEqualTo("Published");
        assertThat(knowledge.published(slug, Language.EN)).isPresent();
    }

    @Test
    void refusedFieldsComeBackWithTheirReasonsAndWhatWasTyped() throws Exception {
        lead.get("/desk/knowledge/new");

        HttpResponse<String> refused = lead.post("/desk/knowledge", article("Not A Slug!", " ", "Some *text*"));

        assertThat(refused.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select("#slug-error").text()).isEqualTo("Use lower-case letters, digits and single hyphens (at most 120 characters).");
        assertThat(page.select("#title-error").text()).isEqualTo("A title is needed (at most 200 characters).");
        assertThat(page.select("#markdown-error")).isEmpty();
        assertThat(page.select("#slug").attr("value")).isEqualTo("Not A Slug!");
        assertThat(page.select("#slug").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("textarea#markdown").text()).isEqualTo("Some *text*");
        assertThat(page.select("#preview em").text()).isEqualTo("text");
    }

    @Test
    void aTakenAddressIsShownAtTheAddressField() throws Exception {
        String slug = unique("taken");
        knowledge.create(new ArticleDraft(slug, Language.EN, "First", null, "One.", null, null));
        lead.get("/desk/knowledge/new");

        Document page = Jsoup.parse(lead.post("/desk/knowledge", article(slug, "Second", "Two.")).body());

        assertThat(page.select("#slug-error").text()).isEqualTo("Another article in this language has this address already.");
    }

    @Test
    void theListGroupsTranslationsAndShowsTheCountsOfTheLastThirtyDays() throws Exception {
        long category = knowledge.createCategory(new CategoryDraft(unique("billing"), "Facturación", "Faturação", "Billing", null)).id();
        long english = knowledge.create(new ArticleDraft(unique("invoice"), Language.EN, "Where is my invoice", null,
                "In the portal.", category, null)).id();
        long portuguese = knowledge.create(new ArticleDraft(unique("fatura"), Language.PT, "Onde está a fatura", null,
                "No portal.", category, english)).id();
        knowledge.publish(english);
        knowledge.recordView(english);
        knowledge.recordView(english);
        knowledge.recordView(english);
        knowledge.recordDeflection(english);

        Document list = Jsoup.parse(lead.get("/desk/knowledge?category=" + category).body());

        assertThat(list.select("tbody.kb-group")).hasSize(1);
        Element group = list.selectFirst("tbody.kb-group");
        assertThat(group.select("tr")).hasSize(2);
        Element pt = group.select("tr").get(0);
        Element en = group.select("tr").get(1);
        assertThat(pt.select("abbr.lang").text()).isEqualTo("PT");
        assertThat(pt.select(".state").text()).isEqualTo("Draft");
        assertThat(en.select("th a").text()).isEqualTo("Where is my invoice");
        assertThat(en.select(".state").text()).isEqualTo("Published");
        assertThat(en.select("td").get(2).text()).isEqualTo("Billing");
        assertThat(en.select("td.num").eachText()).containsExactly("3", "0", "1");

        Document drafts = Jsoup.parse(lead.get("/desk/knowledge?category=" + category + "&status=DRAFT").body());
        assertThat(drafts.select("tbody.kb-group th a").eachText()).containsExactly("Onde está a fatura");
        Document found = Jsoup.parse(lead.get("/desk/knowledge?q=invoice&language=EN").body());
        assertThat(found.select("tbody.kb-group th a").eachText()).contains("Where is my invoice");

        Document article = Jsoup.parse(lead.get("/desk/knowledge/" + english).body());
        assertThat(article.select("#translations ~ ul a").eachText()).contains("Onde está a fatura");
        assertThat(article.select("tfoot td.num").eachText()).containsExactly("3", "0", "1");
        assertThat(portuguese).isNotEqualTo(english);
    }

    @Test
    void aLeadWritesATranslationFromTheArticlePage() throws Exception {
        long original = knowledge.create(new ArticleDraft(unique("wifi"), Language.EN, "Wi-Fi password", null,
                "Ask reception.", null, null)).id();
        Document page = Jsoup.parse(lead.get("/desk/knowledge/" + original).body());
        String link = page.select("a[href*=translationOf]").stream().filter(a -> a.attr("href").contains("language=ES"))
                .findFirst().orElseThrow().attr("href");
        Document editor = Jsoup.parse(lead.get(link).body());
        assertThat(editor.select("#translationOf option[selected]").val()).isEqualTo(Long.toString(original));
        assertThat(editor.select("#language option[selected]").val()).isEqualTo("ES");

        Map<String, String> form = article(unique("wifi-es"), "Contraseña del wifi", "Pregunte en recepción.");
        form.put("language", "ES");
        form.put("translationOf", Long.toString(original));
        long spanish = idIn(lead.post("/desk/knowledge", form));

        assertThat(knowledge.article(spanish).orElseThrow().translations()).extracting(t -> t.id()).containsExactly(original);
    }

    @Test
    void aLeadDeletesAnArticleOnlyAfterConfirming() throws Exception {
        long id = knowledge.create(new ArticleDraft(unique("old"), Language.EN, "Old news", null, "Gone.", null, null)).id();

        Document confirm = Jsoup.parse(lead.get("/desk/knowledge/" + id + "/delete").body());
        assertThat(confirm.select("form[action=/desk/knowledge/" + id + "/delete] button").text()).isEqualTo("Delete it");
        assertThat(knowledge.article(id)).isPresent();

        HttpResponse<String> deleted = lead.post("/desk/knowledge/" + id + "/delete", Map.of());
        assertThat(deleted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/desk/knowledge?deleted"));
        assertThat(knowledge.article(id)).isEmpty();
    }

    @Test
    void categoriesAreCreatedRenamedAndDeletedOnlyWhenEmpty() throws Exception {
        lead.get("/desk/knowledge/categories");
        String slug = unique("network");
        assertThat(lead.post("/desk/knowledge/categories", Map.of("slug", slug, "nameEs", "Red", "namePt", "Rede",
                "nameEn", "Network")).statusCode()).isEqualTo(302);
        long id = knowledge.categories().stream().filter(c -> c.slug().equals(slug)).findFirst().orElseThrow().id();

        assertThat(lead.post("/desk/knowledge/categories/" + id, Map.of("nameEs", "Redes", "namePt", "Redes",
                "nameEn", "Networks")).statusCode()).isEqualTo(302);
        assertThat(knowledge.category(id).orElseThrow().nameEn()).isEqualTo("Networks");

        HttpResponse<String> refusedPage = lead.post("/desk/knowledge/categories", Map.of("slug", slug, "nameEs", "",
                "namePt", "x", "nameEn", "x"));
        assertThat(refusedPage.statusCode()).isEqualTo(200);
        Document refused = Jsoup.parse(refusedPage.body());
        assertThat(refused.select(".field-error").eachText()).contains("A name is needed (at most 120 characters).");

        knowledge.create(new ArticleDraft(unique("cable"), Language.EN, "Cables", null, "Plug it in.", id, null));
        Document inUse = Jsoup.parse(lead.post("/desk/knowledge/categories/" + id + "/delete", Map.of()).body());
        assertThat(inUse.select("main [role=alert]").text()).startsWith("This category still has articles");
        assertThat(knowledge.category(id)).isPresent();

        String empty = unique("empty");
        long emptyId = knowledge.createCategory(new CategoryDraft(empty, "Vacía", "Vazia", "Empty", null)).id();
        assertThat(agent.post("/desk/knowledge/categories/" + emptyId + "/delete", Map.of()).statusCode()).isEqualTo(403);
        assertThat(lead.post("/desk/knowledge/categories/" + emptyId + "/delete", Map.of()).statusCode()).isEqualTo(302);
        assertThat(knowledge.category(emptyId)).isEmpty();
    }

    @Test
    void aLeadEditsADraftKeepingItsLanguageAndPublishesItFromTheEditor() throws Exception {
        long id = knowledge.create(new ArticleDraft(unique("mail"), Language.EN, "Mail setup", null,
                "Use **IMAP**, not POP, so that every device sees the same folders.", null, null)).id();
        Document editor = Jsoup.parse(lead.get("/desk/knowledge/" + id + "/edit").body());
        assertThat(editor.select("#summary").attr("value")).isEmpty();
        assertThat(editor.select("input[type=hidden][name=language]").val()).isEqualTo("EN");
        assertThat(editor.select("#preview strong").text()).isEqualTo("IMAP");

        Map<String, String> form = article(unique("mail-setup"), "Set up your mail", "Use **IMAP**.");
        form.put("action", "publish");
        assertThat(idIn(lead.post("/desk/knowledge/" + id, form))).isEqualTo(id);

        var saved = knowledge.article(id).orElseThrow();
        assertThat(saved.title()).isEqualTo("Set up your mail");
        assertThat(saved.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(knowledge.writtenSummary(id)).isEmpty();
    }
}
