-- sla: the clocks still counting or paused, which the metrics' gauge counts every half minute; stopped
-- clocks (the history, most of the table) stay out of this index.
CREATE INDEX sla_clock_live ON sla_clock (kind, state, warned_at) WHERE stopped_at IS NULL AND excluded_since IS NULL;
