-- sla: the calendar a clock is measured on, chosen when the ticket is opened (the organisation's
-- override, else the policy's). NULL: the desk's support calendar (atende.calendar.*). Kept on the
-- clock so that pauses, the sweep and every reading use it without asking other modules again.
ALTER TABLE sla_clock ADD COLUMN calendar_id BIGINT REFERENCES calendar_definition (id);
