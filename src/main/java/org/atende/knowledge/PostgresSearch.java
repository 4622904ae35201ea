package org.atende.knowledge;

import java.util.List;

import org.atende.customers.Language;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL full text with each article's own configuration ({@code spanish}, {@code portuguese},
 * {@code english}) on unaccented text: title weight A, summary B, body D, a GIN index. A search asks for
 * every word ({@code websearch_to_tsquery}: quotes and {@code -word} work), ranked by {@code ts_rank};
 * suggestions take any word of the customer's text and keep the articles whose cover density passes
 * {@link #GOOD_MATCH}.
 */
class PostgresSearch implements SearchIndex {

    /**
     * The least cover density ({@code ts_rank_cd}) a suggestion needs: about two words of the title, or one
     * and several of the summary and body. Not {@code ts_rank}, which divides by the words of the query
     * and so punishes a customer who explains at length.
     */
    static final double GOOD_MATCH = 1.5;

    private static final String ANY_WORD = "CAST(replace(CAST(plainto_tsquery(CAST(:config AS regconfig), public.unaccent(:text)) AS text), '&', '|') AS tsquery)";

    private final JdbcClient jdbc;

    PostgresSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String config(Language language) {
        return switch (language) {
            case ES -> "spanish";
            case PT -> "portuguese";
            case EN -> "english";
        };
    }

    @Override
    public void index(long articleId, Language language, String title, @Nullable String summary, String text) {
        jdbc.sql("""
                UPDATE kb_article SET search_vector =
                    setweight(to_tsvector(CAST(:config AS regconfig), public.unaccent(:title)), 'A')
                    || setweight(to_tsvector(CAST(:config AS regconfig), public.unaccent(:summary)), 'B')
                    || setweight(to_tsvector(CAST(:config AS regconfig), public.unaccent(:text)), 'D')
                WHERE id = :id""")
                .param("config", config(language)).param("title", title).param("summary", summary == null ? "" : summary)
                .param("text", text).param("id", articleId).update();
    }

    @Override
    public List<Hit> search(String query, Language language, int limit) {
        List<Hit> all = find("ts_rank", "websearch_to_tsquery(CAST(:config AS regconfig), public.unaccent(:text))", query,
                language, limit, 0);
        return all.isEmpty() ? find("ts_rank", ANY_WORD, query, language, limit, 0) : all;
    }

    @Override
    public List<Hit> suggest(String text, Language language, int limit) {
        return find("ts_rank_cd", ANY_WORD, text, language, limit, GOOD_MATCH);
    }

    private List<Hit> find(String rank, String tsquery, String text, Language language, int limit, double least) {
        return jdbc.sql("""
                SELECT id, %1$s(search_vector, q) AS score
                FROM kb_article, %2$s AS q
                WHERE status = 'PUBLISHED' AND language = :language AND search_vector @@ q
                  AND %1$s(search_vector, q) >= :least
                ORDER BY score DESC, id
                LIMIT :limit""".formatted(rank, tsquery))
                .param("config", config(language)).param("text", text).param("language", language.name())
                .param("least", least).param("limit", limit)
                .query((rs, n) -> new Hit(rs.getLong("id"), rs.getDouble("score"))).list();
    }
}
