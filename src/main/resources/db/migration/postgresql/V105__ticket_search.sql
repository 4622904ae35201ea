-- Full-text search over tickets. One row per ticket holds two documents in the ticket's language (its
-- requester's, else its organisation's): what a customer may search (number, subject, requester,
-- organisation, public messages) and what staff search (the same plus internal notes). Rows are
-- rewritten in the transaction that writes a message (TicketTextIndex); this migration fills them for
-- the tickets already there. Accents are folded by unaccent inside each language's own configuration,
-- so ts_headline and the stemmer see the same words.
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;

CREATE TEXT SEARCH CONFIGURATION atende_pt (COPY = pg_catalog.portuguese);
ALTER TEXT SEARCH CONFIGURATION atende_pt ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, portuguese_stem;
CREATE TEXT SEARCH CONFIGURATION atende_es (COPY = pg_catalog.spanish);
ALTER TEXT SEARCH CONFIGURATION atende_es ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, spanish_stem;
CREATE TEXT SEARCH CONFIGURATION atende_en (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION atende_en ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, english_stem;

CREATE TABLE ticket_search (
    ticket_id  BIGINT     PRIMARY KEY REFERENCES ticket (id) ON DELETE CASCADE,
    language   VARCHAR(2) NOT NULL,
    public_doc tsvector   NOT NULL,
    agent_doc  tsvector   NOT NULL
);

INSERT INTO ticket_search (ticket_id, language, public_doc, agent_doc)
SELECT d.id, d.language, d.head || d.public_text, d.head || d.public_text || d.notes
FROM (
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
    CROSS JOIN LATERAL (SELECT COALESCE(c.language, o.language) AS language,
        CAST(CASE COALESCE(c.language, o.language) WHEN 'PT' THEN 'atende_pt' WHEN 'ES' THEN 'atende_es'
            ELSE 'atende_en' END AS regconfig) AS config) l
) d;

CREATE INDEX ticket_search_public ON ticket_search USING GIN (public_doc);
CREATE INDEX ticket_search_agent ON ticket_search USING GIN (agent_doc);
