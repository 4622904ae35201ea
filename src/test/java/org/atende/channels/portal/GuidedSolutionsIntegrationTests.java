package org.atende.channels.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.atende.customers.ContactId;
import org.atende.customers.Language;
import org.atende.customers.OrganisationId;
import org.atende.identity.Role;
import org.atende.identity.UserDraft;
import org.atende.knowledge.ArticleDraft;
import org.atende.knowledge.ArticleView;
import org.atende.knowledge.KnowledgeBase;
import org.atende.support.ApiIntegrationSupport;
import org.atende.support.DeskFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Help articles offered while a customer writes a request, and the public help centre. */
class GuidedSolutionsIntegrationTests extends ApiIntegrationSupport {

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeBase knowledge;

    PortalBrowser browser;
    ArticleView article;
    String customerEmail;

    @BeforeEach
    void aPublishedArticleAndACustomer() {
        String slug = unique("reset-totp");
        article = knowledge.publish(knowledge.create(new ArticleDraft(slug, Language.EN, "Resetting two-factor authenticator codes",
                "When the authenticator app loses its codes", """
                        If your **authenticator** app lost its codes, ask an administrator to reset two-factor authentication.
                        <script>alert('x')</script>
                        """, null, null)).id());
        knowledge.publish(knowledge.create(new ArticleDraft(slug + "-es", Language.ES, "Restablecer los códigos de doble factor",
                null, "Si su aplicación **autenticadora** perdió los códigos, pida a un administrador que la restablezca.", null,
                article.id())).id());
        DeskFixtures fixtures = new DeskFixtures(jdbc);
        OrganisationId org = fixtures.organisation(unique("Org"), fixtures.plan(fixtures.standardPolicy(), "MEDIUM"));
        ContactId contact = fixtures.contact(org, "Rui", "EN");
        customerEmail = unique("rui") + "@customer.example";
        identity.createUser(new UserDraft(customerEmail, "Rui", Role.CUSTOMER, org, contact, null, true, "rui keeps saffron umbrellas"));
        browser = new PortalBrowser(port);
    }

    long tickets() {
        return jdbc.sql("SELECT COUNT(*) FROM ticket").query(Long.class).single();
    }

    @Test
    void suggestsAMatchingArticleAndCountsThisSolvedItWithoutATicket() throws Exception {
        browser.signIn(customerEmail, "rui keeps saffron umbrellas");
        String form = browser.get("/portal/tickets/new").body();
        long before = tickets();

        HttpResponse<String> suggested = browser.get("/portal/suggestions?subject=authenticator+codes+lost&description=");
        HttpResponse<String> unrelated = browser.get("/portal/suggestions?subject=invoice+address&description=");
        HttpResponse<String> solved = browser.post("/portal/suggestions/" + article.id() + "/solved", java.util.Map.of());

        assertThat(form).contains("hx-get=\"/portal/suggestions\"", "hx-trigger=\"keyup changed delay:400ms\"");
        assertThat(suggested.body()).contains("Resetting two-factor authenticator codes", "/help/en/" + article.slug(),
                "This solved it");
        assertThat(unrelated.body()).doesNotContain("Resetting two-factor");
        assertThat(solved.statusCode()).isEqualTo(200);
        assertThat(solved.body()).contains("no ticket was opened");
        assertThat(tickets()).isEqualTo(before);
        assertThat(knowledge.article(article.id()).orElseThrow().counts().deflections()).isEqualTo(1);
    }

    @Test
    void showsThePublishedArticleToAnyoneSanitisedWithItsTranslationsAndCountsTheView() throws Exception {
        HttpResponse<String> page = browser.get("/help/en/" + article.slug());
        HttpResponse<String> index = browser.get("/help?q=authenticator");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<strong>authenticator</strong>", "Restablecer los códigos de doble factor",
                "/help/es/" + article.slug() + "-es").doesNotContain("<script>alert");
        assertThat(knowledge.article(article.id()).orElseThrow().counts().views()).isEqualTo(1);
        assertThat(index.body()).contains("Resetting two-factor authenticator codes");
        assertThat(browser.get("/help/en/no-such-article").statusCode()).isEqualTo(404);
    }
}
