-- PostgreSQL full-text search in each article's own language (spanish, portuguese, english), accent
-- insensitive through unaccent. The vector is written with the article (title A, summary B, body D).
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;

ALTER TABLE kb_article ADD COLUMN search_vector tsvector;

CREATE INDEX kb_article_search ON kb_article USING GIN (search_vector);
