-- H2 has no full-text ranking in the desk's languages: each article's words are written here when it is
-- saved (lower-cased, accent-folded, stop words removed, lightly stemmed in its language), with the weight
-- of the best place they occur (title 3, summary 2, body 1), and searches rank by the weights matched.
CREATE TABLE kb_article_term (
    article_id BIGINT      NOT NULL REFERENCES kb_article (id) ON DELETE CASCADE,
    term       VARCHAR(60) NOT NULL,
    weight     INT         NOT NULL,
    PRIMARY KEY (article_id, term)
);

CREATE INDEX kb_article_term_lookup ON kb_article_term (term);
