-- sla: a ticket reclassified as technical service is outside the SLA. Its clocks stay (their outcome,
-- and the time they counted, are kept for when it comes back to support), stop counting under a pause
-- with the reason TECHNICAL_SERVICE, and are marked excluded from this instant. Reports leave out
-- clocks with an excluded_since; the sweep and the queue's due time ignore them.
ALTER TABLE sla_clock ADD COLUMN excluded_since TIMESTAMP WITH TIME ZONE;

-- sla: the first public agent reply to a ticket that had no clocks then (it was opened as technical
-- service), so that the first-response clock created when it moves to support knows it was answered.
CREATE TABLE sla_first_reply (
  ticket_id  BIGINT NOT NULL PRIMARY KEY REFERENCES ticket (id),
  replied_at TIMESTAMP WITH TIME ZONE NOT NULL
);

INSERT INTO sla_first_reply (ticket_id, replied_at)
SELECT m.ticket_id, MIN(m.created_at)
FROM message m JOIN ticket t ON t.id = m.ticket_id
WHERE m.kind = 'AGENT' AND t.type = 'TECHNICAL_SERVICE'
  AND NOT EXISTS (SELECT 1 FROM sla_clock c WHERE c.ticket_id = t.id)
GROUP BY m.ticket_id;

-- Tickets that became technical service before this release kept counting: their clocks are excluded
-- from the last change of type on their timeline (this release, if none is recorded).
UPDATE sla_clock SET excluded_since = DATE_TRUNC('second', COALESCE(
    (SELECT MAX(e.occurred_at) FROM timeline_event e
     WHERE e.ticket_id = sla_clock.ticket_id AND e.field = 'type' AND e.after_value = 'TECHNICAL_SERVICE'),
    CURRENT_TIMESTAMP))
WHERE ticket_id IN (SELECT id FROM ticket WHERE type = 'TECHNICAL_SERVICE');

-- ... never before a clock's start or inside its last pause (pauses follow one another).
UPDATE sla_clock SET excluded_since = GREATEST(excluded_since, started_at, COALESCE(
    (SELECT MAX(COALESCE(p.paused_to, p.paused_from)) FROM sla_clock_pause p
     WHERE p.ticket_id = sla_clock.ticket_id AND p.kind = sla_clock.kind),
    started_at))
WHERE excluded_since IS NOT NULL AND stopped_at IS NULL;

-- A running clock's open pause (waiting on the customer) ends where technical service begins, which
-- is a pause of its own until the ticket comes back.
UPDATE sla_clock_pause SET paused_to = (
    SELECT c.excluded_since FROM sla_clock c WHERE c.ticket_id = sla_clock_pause.ticket_id AND c.kind = sla_clock_pause.kind)
WHERE paused_to IS NULL AND EXISTS (
    SELECT 1 FROM sla_clock c WHERE c.ticket_id = sla_clock_pause.ticket_id AND c.kind = sla_clock_pause.kind
      AND c.excluded_since IS NOT NULL AND c.stopped_at IS NULL);

INSERT INTO sla_clock_pause (ticket_id, kind, paused_from, paused_to, reason)
SELECT ticket_id, kind, excluded_since, NULL, 'TECHNICAL_SERVICE'
FROM sla_clock WHERE excluded_since IS NOT NULL AND stopped_at IS NULL;

UPDATE sla_clock SET state = 'PAUSED' WHERE excluded_since IS NOT NULL AND stopped_at IS NULL AND state = 'RUNNING';

UPDATE ticket SET next_due_at = NULL WHERE type = 'TECHNICAL_SERVICE';
