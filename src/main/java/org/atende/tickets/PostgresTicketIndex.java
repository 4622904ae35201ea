package org.atende.tickets;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL: {@code ticket_search} holds each ticket's documents as {@code tsvector}s in its language's
 * configuration ({@code atende_pt}, {@code atende_es}, {@code atende_en}: unaccent, then the language's
 * stemmer), with GIN indexes. A query is read with {@code websearch_to_tsquery} ("quoted phrases",
 * {@code -word}, {@code or}) in the configuration of each ticket's language, and ranked by {@code ts_rank}.
 */
class PostgresTicketIndex implements TicketTextIndex {

    private static final String CONFIG = "CAST(CASE COALESCE(c.language, o.language) WHEN 'PT' THEN 'atende_pt' "
            + "WHEN 'ES' THEN 'atende_es' ELSE 'atende_en' END AS regconfig)";

    /**
     * One statement for one ticket; the migration that created the table ran the same for every ticket. The documents
     * are made once, in a materialised common table expression: as a plain subquery PostgreSQL would inline it and
     * compute the head and the public text in each of the two documents that contain them.
     */
    private static final String REINDEX = """
            WITH d AS MATERIALIZED (
                SELECT t.id, l.language,
                    setweight(to_tsvector(l.config, t.number || ' ' || t.subject), 'A')
                        || setweight(to_tsvector(l.config, COALESCE(c.name, '') || ' ' || COALESCE(c.email, '') || ' '
                            || COALESCE(replace(replace(c.email, '@', ' '), '.', ' '), '') || ' '
                            || COALESCE(replace(c.phone, '+', ''), '') || ' ' || o.name), 'B') AS head,
                    to_tsvector(l.config, LEFT(COALESCE((SELECT string_agg(m.body, ' ' ORDER BY m.id) FROM message m
                        WHERE m.ticket_id = t.id AND m.kind IN ('CUSTOMER', 'AGENT', 'AUTOMATIC')), ''), 200000)) AS public_text,
                    to_tsvector(l.config, LEFT(COALESCE((SELECT string_agg(m.body, ' ' ORDER BY m.id) FROM message m
                        WHERE m.ticket_id = t.id AND m.kind IN ('NOTE', 'SYSTEM')), ''), 200000)) AS notes
                FROM ticket t
                JOIN organisation o ON o.id = t.organisation_id
                LEFT JOIN contact c ON c.id = t.requester_contact_id
                CROSS JOIN LATERAL (SELECT COALESCE(c.language, o.language) AS language, %s AS config) l
                WHERE t.id = ?
            )
            INSERT INTO ticket_search (ticket_id, language, public_doc, agent_doc)
            SELECT d.id, d.language, d.head || d.public_text, d.head || d.public_text || d.notes FROM d
            ON CONFLICT (ticket_id) DO UPDATE
                SET language = EXCLUDED.language, public_doc = EXCLUDED.public_doc, agent_doc = EXCLUDED.agent_doc
            """.formatted(CONFIG);

    /**
     * A message's words added to the entry: each document takes the new message's {@code tsvector} (public
     * messages both, notes the agents' only), at most the first 200,000 characters of it as a rewrite reads, and
     * only while the document is under 400 kB (a {@code tsvector} holds at most 1 MB; a rewrite stops at 200,000
     * characters of conversation). The message's {@code tsvector} is made once (materialised) for both documents.
     */
    private static final String ADD = """
            WITH w AS MATERIALIZED (
                SELECT ticket_id, to_tsvector(%1$s, LEFT(?, 200000)) AS doc FROM ticket_search WHERE ticket_id = ?
            )
            UPDATE ticket_search s SET
                public_doc = CASE WHEN ? AND pg_column_size(s.public_doc) < 400000
                    THEN s.public_doc || w.doc ELSE s.public_doc END,
                agent_doc = CASE WHEN pg_column_size(s.agent_doc) < 400000
                    THEN s.agent_doc || w.doc ELSE s.agent_doc END
            FROM w WHERE s.ticket_id = w.ticket_id
            """.formatted("CAST(CASE language WHEN 'PT' THEN 'atende_pt' WHEN 'ES' THEN 'atende_es' ELSE 'atende_en' END AS regconfig)");

    private final JdbcClient jdbc;

    PostgresTicketIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void reindex(long ticketId) {
        jdbc.sql(REINDEX).param(ticketId).update();
    }

    @Override
    public void add(long ticketId, MessageKind kind, String body) {
        if (jdbc.sql(ADD).params(body, ticketId, kind.isPublic()).update() == 0) {
            reindex(ticketId);
        }
    }

    @Override
    public int backfill(int limit) {
        return 0; // the migration indexed every ticket there was
    }

    @Override
    public Match match(String text, boolean publicOnly) {
        String doc = publicOnly ? "s.public_doc" : "s.agent_doc";
        String where = "((s.language = 'PT' AND %1$s @@ websearch_to_tsquery('atende_pt', ?))"
                + " OR (s.language = 'ES' AND %1$s @@ websearch_to_tsquery('atende_es', ?))"
                + " OR (s.language = 'EN' AND %1$s @@ websearch_to_tsquery('atende_en', ?)))";
        String score = "ts_rank(%1$s, CASE s.language WHEN 'PT' THEN websearch_to_tsquery('atende_pt', ?)"
                + " WHEN 'ES' THEN websearch_to_tsquery('atende_es', ?) ELSE websearch_to_tsquery('atende_en', ?) END)";
        List<Object> three = new ArrayList<>(List.of(text, text, text));
        return new Match(" JOIN ticket_search s ON s.ticket_id = t.id", List.of(), where.formatted(doc), three,
                score.formatted(doc), three);
    }
}
