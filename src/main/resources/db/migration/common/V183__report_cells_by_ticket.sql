-- The cells follow the tickets one by one instead of being recomputed for a whole month and organisation each
-- time one of its tickets changes (which read every ticket of a busy month every few seconds).
-- report_change now names the changed ticket (NULL: recompute the pair whole, as before), and report_cell_ticket
-- keeps each counted ticket's figures as the cells hold them, so that a change takes out what was added before.
ALTER TABLE report_change ADD COLUMN ticket_id BIGINT;

CREATE TABLE report_cell_ticket (
    ticket_id              BIGINT PRIMARY KEY,
    support_month          CHAR(7)      NOT NULL,
    organisation_id        BIGINT       NOT NULL,
    priority               VARCHAR(16)  NOT NULL,
    plan_id                BIGINT,
    team_id                BIGINT,
    assignee_id            BIGINT,
    channel                VARCHAR(16)  NOT NULL,
    first_response         VARCHAR(8)   NOT NULL,
    first_response_seconds BIGINT,
    resolution             VARCHAR(8)   NOT NULL,
    resolution_seconds     BIGINT,
    paused_seconds         BIGINT       NOT NULL,
    reopen_count           INT          NOT NULL,
    status                 VARCHAR(32)  NOT NULL,
    waited                 BOOLEAN      NOT NULL,
    first_response_due     TIMESTAMP WITH TIME ZONE,
    resolution_due         TIMESTAMP WITH TIME ZONE,
    paused_since           TIMESTAMP WITH TIME ZONE
);
CREATE INDEX report_cell_ticket_by_pair ON report_cell_ticket (support_month, organisation_id);

-- The cells of a pair not listed in report_change hold its counted tickets as report_ticket has them; a listed pair
-- is recomputed whole at the next pass, which writes its tickets here again.
INSERT INTO report_cell_ticket (ticket_id, support_month, organisation_id, priority, plan_id, team_id, assignee_id, channel,
       first_response, first_response_seconds, resolution, resolution_seconds, paused_seconds, reopen_count, status, waited,
       first_response_due, resolution_due, paused_since)
SELECT ticket_id, support_month, organisation_id, priority, plan_id, team_id, assignee_id, channel, first_response,
       first_response_seconds, resolution, resolution_seconds, paused_seconds, reopen_count, status, waited,
       first_response_due, resolution_due, paused_since
FROM report_ticket WHERE NOT technical_service AND closed_as IS NULL;
