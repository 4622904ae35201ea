-- sla: find the clocks still counting under a policy when its targets change.
CREATE INDEX sla_clock_by_policy ON sla_clock (policy_id, stopped_at);
