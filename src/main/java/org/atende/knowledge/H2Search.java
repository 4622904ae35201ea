package org.atende.knowledge;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.atende.customers.Language;
import org.atende.text.Terms;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The H2 equivalent of full-text search: each article's {@link Terms} in {@code kb_article_term} with the
 * weight of the best place they occur (title 3, summary 2, body 1); a result's score is the sum of the
 * weights of the query's terms it has. Suggestions need {@link #GOOD_MATCH} and a term in the title or
 * summary, so a few common words in a long text suggest nothing.
 */
class H2Search implements SearchIndex {

    static final int GOOD_MATCH = 5;

    private final JdbcClient jdbc;

    H2Search(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void index(long articleId, Language language, String title, @Nullable String summary, String text) {
        Map<String, Integer> weights = new HashMap<>();
        Terms.of(text, language).forEach(t -> weights.merge(t, 1, Math::max));
        if (summary != null) {
            Terms.of(summary, language).forEach(t -> weights.merge(t, 2, Math::max));
        }
        Terms.of(title, language).forEach(t -> weights.merge(t, 3, Math::max));
        jdbc.sql("DELETE FROM kb_article_term WHERE article_id = :id").param("id", articleId).update();
        weights.forEach((term, weight) -> jdbc.sql("INSERT INTO kb_article_term (article_id, term, weight) VALUES (?, ?, ?)")
                .params(articleId, term, weight).update());
    }

    @Override
    public List<Hit> search(String query, Language language, int limit) {
        Set<String> terms = Terms.of(query, language);
        if (terms.isEmpty()) {
            return List.of();
        }
        List<Hit> all = find(terms, language, limit, "HAVING COUNT(*) = " + terms.size());
        return all.isEmpty() ? find(terms, language, limit, "") : all;
    }

    @Override
    public List<Hit> suggest(String text, Language language, int limit) {
        Set<String> terms = Terms.of(text, language);
        if (terms.isEmpty()) {
            return List.of();
        }
        return find(terms, language, limit, "HAVING SUM(t.weight) >= " + GOOD_MATCH + " AND MAX(t.weight) >= 2");
    }

    private List<Hit> find(Set<String> terms, Language language, int limit, String having) {
        return jdbc.sql("""
                SELECT t.article_id, SUM(t.weight) AS score
                FROM kb_article_term t JOIN kb_article a ON a.id = t.article_id
                WHERE a.status = 'PUBLISHED' AND a.language = :language AND t.term IN (:terms)
                GROUP BY t.article_id
                %s
                ORDER BY score DESC, t.article_id
                LIMIT :limit""".formatted(having))
                .param("language", language.name()).param("terms", terms).param("limit", limit)
                .query((rs, n) -> new Hit(rs.getLong("article_id"), rs.getDouble("score"))).list();
    }
}
