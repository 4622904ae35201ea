package org.atende.knowledge;

import java.time.LocalDate;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Adds one to an article's count of the day in a single statement, safe under concurrent callers:
 * {@code INSERT … ON CONFLICT DO UPDATE} on PostgreSQL, {@code MERGE} on H2 (retried once if two
 * first counts of a day meet).
 */
class ArticleCounter {

    enum Kind {
        VIEWS("views"), SUGGESTIONS("suggestions"), DEFLECTIONS("deflections");

        final String column;

        Kind(String column) {
            this.column = column;
        }
    }

    private final JdbcClient jdbc;
    private final boolean postgres;

    ArticleCounter(JdbcClient jdbc, boolean postgres) {
        this.jdbc = jdbc;
        this.postgres = postgres;
    }

    void add(long articleId, LocalDate day, Kind kind) {
        String c = kind.column;
        if (postgres) {
            jdbc.sql("INSERT INTO kb_article_stat (article_id, stat_day, " + c + ") VALUES (?, ?, 1) "
                    + "ON CONFLICT (article_id, stat_day) DO UPDATE SET " + c + " = kb_article_stat." + c + " + 1")
                    .params(articleId, day).update();
            return;
        }
        String merge = "MERGE INTO kb_article_stat s USING (VALUES (CAST(? AS BIGINT), CAST(? AS DATE))) AS v(article_id, stat_day) "
                + "ON s.article_id = v.article_id AND s.stat_day = v.stat_day "
                + "WHEN MATCHED THEN UPDATE SET " + c + " = s." + c + " + 1 "
                + "WHEN NOT MATCHED THEN INSERT (article_id, stat_day, " + c + ") VALUES (v.article_id, v.stat_day, 1)";
        try {
            jdbc.sql(merge).params(articleId, day).update();
        } catch (DuplicateKeyException e) {
            jdbc.sql(merge).params(articleId, day).update();
        }
    }
}
