package org.atende.tickets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.atende.customers.Language;
import org.atende.text.Terms;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * H2: each ticket's {@link Terms} in {@code ticket_term}, with the weight of the best place they occur
 * (number and subject 4, requester and organisation 2, messages 1) and whether a customer may find the ticket
 * by it. A ticket matches when it has, for every query word, one of the word's stems; its score is the sum of
 * the weights of the stems it has.
 */
class H2TicketIndex implements TicketTextIndex {

    private final JdbcClient jdbc;

    H2TicketIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Head(long number, String subject, String organisation, String contact, Language language) {
    }

    private record Term(int weight, boolean isPublic) {
        Term max(Term o) {
            return new Term(Math.max(weight, o.weight), isPublic || o.isPublic);
        }
    }

    /**
     * Writes the ticket's terms again from what is committed. Two writers at once (a contact's and its organisation's
     * renames reindex the same tickets on two threads) would each delete the old terms and insert the same new ones,
     * and the second would collide with the first's: the ticket's row is locked first, so the second waits for the
     * first to commit, then reads the ticket as it is and replaces the first's terms.
     */
    @Override
    public void reindex(long ticketId) {
        jdbc.sql("SELECT id FROM ticket WHERE id = ? FOR UPDATE").param(ticketId).query(Long.class).list();
        List<Head> heads = jdbc.sql("""
                SELECT t.number, t.subject, o.name AS organisation,
                       CONCAT_WS(' ', c.name, c.email, REPLACE(c.email, '@', ' '), REPLACE(c.phone, '+', '')) AS contact,
                       COALESCE(c.language, o.language) AS language
                FROM ticket t JOIN organisation o ON o.id = t.organisation_id
                LEFT JOIN contact c ON c.id = t.requester_contact_id WHERE t.id = ?""").param(ticketId)
                .query((rs, n) -> new Head(rs.getLong("number"), rs.getString("subject"), rs.getString("organisation"),
                        rs.getString("contact") == null ? "" : rs.getString("contact"),
                        Language.valueOf(rs.getString("language")))).list();
        jdbc.sql("DELETE FROM ticket_term WHERE ticket_id = ?").param(ticketId).update();
        if (heads.isEmpty()) {
            return;
        }
        Head head = heads.getFirst();
        Map<String, Term> terms = new HashMap<>();
        jdbc.sql("SELECT kind, body FROM message WHERE ticket_id = ? ORDER BY id").param(ticketId).query(rs -> {
            Term t = new Term(1, MessageKind.valueOf(rs.getString("kind")).isPublic());
            Terms.of(rs.getString("body"), head.language()).forEach(w -> terms.merge(w, t, Term::max));
        });
        add(terms, head.contact() + " " + head.organisation(), head.language(), new Term(2, true));
        add(terms, head.number() + " " + head.subject(), head.language(), new Term(4, true));
        List<Object[]> rows = new ArrayList<>();
        terms.forEach((term, t) -> rows.add(new Object[] {ticketId, term, t.weight(), t.isPublic()}));
        for (Object[] row : rows) {
            jdbc.sql("INSERT INTO ticket_term (ticket_id, term, weight, public) VALUES (?, ?, ?, ?)").params(row).update();
        }
    }

    @Override
    public void add(long ticketId, MessageKind kind, String body) {
        List<Language> indexed = jdbc.sql("""
                SELECT COALESCE(c.language, o.language) FROM ticket t JOIN organisation o ON o.id = t.organisation_id
                LEFT JOIN contact c ON c.id = t.requester_contact_id
                WHERE t.id = ? AND EXISTS (SELECT 1 FROM ticket_term x WHERE x.ticket_id = t.id)""").param(ticketId)
                .query((rs, n) -> Language.valueOf(rs.getString(1))).list();
        if (indexed.isEmpty()) { // the ticket's first message
            reindex(ticketId);
            return;
        }
        for (String term : Terms.of(body, indexed.getFirst())) { // a term already there keeps its weight; public wins
            jdbc.sql("""
                    MERGE INTO ticket_term x USING (VALUES (CAST(? AS BIGINT), CAST(? AS VARCHAR(60)), CAST(? AS BOOLEAN))) AS v (ticket_id, term, public)
                    ON x.ticket_id = v.ticket_id AND x.term = v.term
                    WHEN MATCHED AND v.public AND NOT x.public THEN UPDATE SET public = TRUE
                    WHEN NOT MATCHED THEN INSERT (ticket_id, term, weight, public) VALUES (v.ticket_id, v.term, 1, v.public)""")
                    .params(ticketId, term, kind.isPublic()).update();
        }
    }

    private static void add(Map<String, Term> terms, String text, Language language, Term t) {
        Terms.of(text, language).forEach(w -> terms.merge(w, t, Term::max));
    }

    @Override
    public int backfill(int limit) {
        List<Long> missing = jdbc.sql("""
                SELECT t.id FROM ticket t WHERE NOT EXISTS (SELECT 1 FROM ticket_term x WHERE x.ticket_id = t.id)
                ORDER BY t.id LIMIT ?""").param(limit).query(Long.class).list();
        missing.forEach(this::reindex);
        return missing.size();
    }

    @Override
    public Match match(String text, boolean publicOnly) {
        SearchTerms.Query query = SearchTerms.query(text);
        String visible = publicOnly ? " AND x.public" : "";
        List<String> clauses = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        List<Object> all = new ArrayList<>();
        for (String word : query.wanted()) {
            Set<String> stems = SearchTerms.anyLanguage(word);
            if (stems.isEmpty()) {
                continue; // a stop word in every language
            }
            clauses.add("EXISTS (SELECT 1 FROM ticket_term x WHERE x.ticket_id = t.id" + visible + " AND x.term IN ("
                    + marks(stems.size()) + "))");
            params.addAll(stems);
            all.addAll(stems);
        }
        for (String word : query.excluded()) {
            Set<String> stems = SearchTerms.anyLanguage(word);
            if (!stems.isEmpty()) {
                clauses.add("NOT EXISTS (SELECT 1 FROM ticket_term x WHERE x.ticket_id = t.id" + visible + " AND x.term IN ("
                        + marks(stems.size()) + "))");
                params.addAll(stems);
            }
        }
        if (all.isEmpty()) {
            return new Match("", List.of(), "1 = 0", List.of(), "0", List.of());
        }
        String score = "(SELECT COALESCE(SUM(x.weight), 0) FROM ticket_term x WHERE x.ticket_id = t.id" + visible
                + " AND x.term IN (" + marks(all.size()) + "))";
        return new Match("", List.of(), "(" + String.join(" AND ", clauses) + ")", params, score, all);
    }

    private static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }
}
