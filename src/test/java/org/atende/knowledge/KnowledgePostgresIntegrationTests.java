package org.atende.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.atende.customers.Language;
import org.atende.support.PostgresSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The knowledge base on PostgreSQL's full-text search, and counts from many clients at once. */
@DirtiesContext
class KnowledgePostgresIntegrationTests extends KnowledgeContract {

    @RegisterExtension
    static final PostgresSchema schema = PostgresSchema.createFor(KnowledgePostgresIntegrationTests.class);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        schema.registerDataSource(registry);
    }

    @Test
    void countsEveryViewAndDeflectionWhenManyArriveAtOnce() throws Exception {
        ArticleView article = knowledge.published("permisos-de-usuarios", Language.ES).orElseThrow();
        var before = knowledge.stats(article.id(), knowledge.today(), knowledge.today()).total();
        int clients = 16;
        int each = 25;
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(clients)) {
            var futures = new ArrayList<Future<?>>();
            for (int i = 0; i < clients; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int n = 0; n < each; n++) {
                        knowledge.recordView(article.id());
                        if (n % 5 == 0) {
                            knowledge.recordDeflection(article.id());
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var f : futures) {
                f.get();
            }
        }
        var after = knowledge.stats(article.id(), knowledge.today(), knowledge.today()).total();
        assertThat(after.views() - before.views()).isEqualTo((long) clients * each);
        assertThat(after.deflections() - before.deflections()).isEqualTo((long) clients * (each / 5));
    }

    @Test
    void keepsASearchVectorInTheArticlesLanguage() {
        ArticleView pt = knowledge.published("nao-consigo-entrar", Language.PT).orElseThrow();
        String vector = jdbc.sql("SELECT CAST(search_vector AS text) FROM kb_article WHERE id = ?").param(pt.id())
                .query(String.class).single();
        // Portuguese stems, accents folded: "palavra-passe" is also "palavr" and "pass", "exportação" is "exportaca"
        assertThat(vector).contains("'palavr'", "'pass'", "'esquec'").doesNotContain("ç", "ã");
    }
}
