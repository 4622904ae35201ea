package org.atende.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.atende.customers.Language;
import org.atende.demo.HelpArticles;
import org.atende.support.MovingTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.ErrorResponseException;

/**
 * The knowledge base on each database, searched in the demo desk's help articles with what customers
 * really type: the right article first, in the asked language only, never a draft.
 */
@SpringBootTest(properties = {"atende.sla.sweep-enabled=false", "atende.notifications.dispatch-enabled=false"})
@Import(MovingTime.class)
abstract class KnowledgeContract {

    @Autowired KnowledgeBase knowledge;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void helpArticles() {
        MovingTime.CLOCK.set("2026-11-25T10:00:00Z");
        if (knowledge.categories().isEmpty()) {
            HelpArticles.seed(knowledge);
        }
    }

    private List<String> slugs(List<Suggestion> found) {
        return found.stream().map(Suggestion::slug).toList();
    }

    @Test
    void findsTheSpanishSignInArticleForNoPuedoIniciarSesion() {
        assertThat(slugs(knowledge.search("no puedo iniciar sesión", Language.ES, 5))).first().isEqualTo("no-puedo-iniciar-sesion");
    }

    @Test
    void findsThePortugueseSignInArticleForEsqueciAPalavraPasse() {
        assertThat(slugs(knowledge.search("esqueci a palavra-passe", Language.PT, 5))).first().isEqualTo("nao-consigo-entrar");
    }

    @Test
    void findsTheEnglishExportArticleForExportInvoices() {
        assertThat(slugs(knowledge.search("export invoices", Language.EN, 5))).first().isEqualTo("export-invoices-and-data");
    }

    @Test
    void ignoresAccentsAndPlurals() {
        assertThat(slugs(knowledge.search("sesion contrasena", Language.ES, 5))).first().isEqualTo("no-puedo-iniciar-sesion");
        assertThat(slugs(knowledge.search("exportação das faturas", Language.PT, 5))).first().isEqualTo("exportar-dados-e-faturas");
        assertThat(slugs(knowledge.search("permissions users", Language.EN, 5))).first().isEqualTo("user-permissions");
    }

    @Test
    void searchesOnlyTheAskedLanguage() {
        List<Suggestion> found = knowledge.search("export invoices PDF", Language.ES, 10);
        assertThat(found).extracting(Suggestion::language).containsOnly(Language.ES);
        assertThat(slugs(found)).doesNotContain("export-invoices-and-data");
        assertThat(slugs(knowledge.search("exportar facturas", Language.ES, 5))).first().isEqualTo("exportar-datos-y-facturas");
    }

    @Test
    void neverFindsADraftUntilItIsPublished() {
        String slug = "idioma-de-las-facturas-" + UUID.randomUUID().toString().substring(0, 6);
        ArticleView draft = knowledge.create(new ArticleDraft(slug, Language.ES, "Cambiar el idioma de las facturas", null,
                "En **Ajustes › Facturación** elija el idioma en que se emiten las facturas a cada cliente.", null, null));

        assertThat(draft.status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(slugs(knowledge.search("idioma facturas", Language.ES, 10))).doesNotContain(slug);
        assertThat(slugs(knowledge.suggest("¿Cómo cambio el idioma de las facturas?", Language.ES, 5))).doesNotContain(slug);
        assertThat(knowledge.published(slug, Language.ES)).isEmpty();

        knowledge.publish(draft.id());
        assertThat(slugs(knowledge.search("idioma facturas", Language.ES, 10))).first().isEqualTo(slug);
        assertThat(knowledge.published(slug, Language.ES)).isPresent();

        knowledge.unpublish(draft.id());
        assertThat(slugs(knowledge.search("idioma facturas", Language.ES, 10))).doesNotContain(slug);
    }

    @Test
    void demoDraftsStayOutOfSearch() {
        assertThat(slugs(knowledge.search("presupuesto servicio técnico", Language.ES, 10)))
                .doesNotContain("servicio-tecnico-y-presupuestos");
        assertThat(slugs(knowledge.search("support hours targets", Language.EN, 10))).doesNotContain("support-hours-and-channels");
    }

    @Test
    void suggestsTheArticleThatAnswersATicketAndNothingForAnUnrelatedOne() {
        assertThat(slugs(knowledge.suggest("No puedo entrar en la aplicación\nDesde esta mañana me dice que la contraseña "
                + "es incorrecta y no puedo iniciar sesión.", Language.ES, 3))).first().isEqualTo("no-puedo-iniciar-sesion");
        assertThat(slugs(knowledge.suggest("Erro ao exportar relatório\nDá erro 500 quando exporto as faturas para PDF.",
                Language.PT, 3))).first().isEqualTo("exportar-dados-e-faturas");
        assertThat(slugs(knowledge.suggest("A colleague cannot see the Settings menu\nShe needs to add new users.",
                Language.EN, 3))).first().isEqualTo("user-permissions");

        assertThat(knowledge.suggest("Hello\nCould you send me a copy of last year's contract, please? Thanks.", Language.EN, 3))
                .isEmpty();
        assertThat(knowledge.suggest("Olá, bom dia. Obrigado pela ajuda de ontem.", Language.PT, 3)).isEmpty();
    }

    @Test
    void countsSuggestionsViewsAndDeflectionsByDay() {
        ArticleView article = knowledge.published("how-to-report-a-bug", Language.EN).orElseThrow();
        var before = knowledge.stats(article.id(), knowledge.today(), knowledge.today()).total();

        assertThat(slugs(knowledge.suggest("How do I report a bug? Should I attach screenshots?", Language.EN, 3)))
                .contains("how-to-report-a-bug");
        knowledge.recordView(article.id());
        knowledge.recordView(article.id());
        knowledge.recordDeflection(article.id());

        ArticleStats stats = knowledge.stats(article.id(), knowledge.today(), knowledge.today());
        assertThat(stats.total().suggestions()).isEqualTo(before.suggestions() + 1);
        assertThat(stats.total().views()).isEqualTo(before.views() + 2);
        assertThat(stats.total().deflections()).isEqualTo(before.deflections() + 1);
        assertThat(stats.days()).singleElement().extracting(ArticleStats.Day::day).isEqualTo(knowledge.today());
        assertThat(knowledge.article(article.id()).orElseThrow().counts().views()).isEqualTo(before.views() + 2);
    }

    @Test
    void refusesToCountADraft() {
        ArticleView draft = knowledge.list(Language.EN, ArticleStatus.DRAFT, null).getFirst();
        assertThatThrownBy(() -> knowledge.recordDeflection(draft.id())).isInstanceOfSatisfying(ErrorResponseException.class,
                e -> assertThat(e.getStatusCode().value()).isEqualTo(404));
    }

    @Test
    void linksTranslationsAndRendersSafeHtml() {
        ArticleView es = knowledge.published("no-puedo-iniciar-sesion", Language.ES).orElseThrow();
        assertThat(es.translations()).extracting(Translation::language).containsExactlyInAnyOrder(Language.PT, Language.EN);
        assertThat(es.translations()).extracting(Translation::slug).contains("nao-consigo-entrar", "cannot-sign-in");
        assertThat(es.category()).isNotNull();
        assertThat(es.category().name(Language.PT)).isEqualTo("Conta e acesso");
        assertThat(es.html()).contains("<h2>Restablecer la contraseña</h2>", "<ol>", "<strong>");
        assertThat(knowledge.published("user-permissions", Language.EN).orElseThrow().html()).contains("<table>", "<td>Viewer</td>");
    }

    @Test
    void rejectsABadDraftListingEveryProblemAndATakenSlug() {
        assertThatThrownBy(() -> knowledge.create(new ArticleDraft("Bad Slug!", Language.EN, " ", null, "", 999_999L, null)))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(400);
                    assertThat(e.getBody().getType().toString()).endsWith("/invalid-article");
                    assertThat(String.valueOf(e.getBody().getProperties().get("problems"))).contains("slug", "title", "markdown", "categoryId");
                });
        assertThatThrownBy(() -> knowledge.create(new ArticleDraft("cannot-sign-in", Language.EN, "Again", null, "Text", null, null)))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> assertThat(e.getStatusCode().value()).isEqualTo(409));
    }

    @Test
    void refusesASecondTranslationInTheSameLanguage() {
        ArticleView en = knowledge.published("cannot-sign-in", Language.EN).orElseThrow();
        assertThatThrownBy(() -> knowledge.create(new ArticleDraft("otra-" + UUID.randomUUID().toString().substring(0, 6),
                Language.ES, "Otra", null, "Texto", null, en.id())))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> assertThat(e.getBody().getDetail()).contains("ES version"));
    }
}
