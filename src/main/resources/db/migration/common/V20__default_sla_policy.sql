-- sla: the vendor's published support terms as the default SLA policy ("Standard support terms").
-- First response: Low 2 business days, Medium 1 business day, High 12 business hours, Urgent 4
-- business hours; resolution 24 business hours for every priority; paused while waiting on the
-- customer; warning at 75 % of the target. No calendar: measured on the support calendar.
INSERT INTO sla_policy (name, warning_percent, pausing_statuses, calendar_id, created_at, updated_at)
VALUES ('Standard support terms', 75, 'WAITING_ON_CUSTOMER', NULL, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

INSERT INTO sla_target (policy_id, priority, first_response_amount, first_response_unit, resolution_amount, resolution_unit)
SELECT p.id, t.priority, t.fr_amount, t.fr_unit, 24, 'HOURS'
FROM sla_policy p
CROSS JOIN (VALUES ('LOW', 2, 'DAYS'), ('MEDIUM', 1, 'DAYS'), ('HIGH', 12, 'HOURS'), ('URGENT', 4, 'HOURS'))
    AS t (priority, fr_amount, fr_unit)
WHERE p.name = 'Standard support terms';
