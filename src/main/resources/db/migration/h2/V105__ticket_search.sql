-- H2 has no full-text ranking in the desk's languages: each ticket's words are written here in the
-- transaction that writes a message (lower-cased, accent-folded, stop words removed, lightly stemmed in
-- the ticket's language), with the weight of the best place they occur (number and subject 4, requester
-- and organisation 2, messages 1) and whether a customer may find the ticket by it (public: not only in
-- internal notes). Tickets written before this table existed are indexed by a job at startup.
CREATE TABLE ticket_term (
    ticket_id BIGINT      NOT NULL REFERENCES ticket (id) ON DELETE CASCADE,
    term      VARCHAR(60) NOT NULL,
    weight    INT         NOT NULL,
    public    BOOLEAN     NOT NULL,
    PRIMARY KEY (ticket_id, term)
);

CREATE INDEX ticket_term_lookup ON ticket_term (term, ticket_id);
