-- The sweep's warning claim (state RUNNING, not warned, warn_at <= now) walked every clock already
-- warned but not yet due (sla_clock_to_warn holds them all); this index holds only the clocks it may claim.
CREATE INDEX sla_clock_to_warn_unwarned ON sla_clock (warn_at) WHERE state = 'RUNNING' AND warned_at IS NULL AND excluded_since IS NULL;
-- With both, the planner kept the wide one (it cannot tell that most clocks past warn_at are warned).
DROP INDEX sla_clock_to_warn;
