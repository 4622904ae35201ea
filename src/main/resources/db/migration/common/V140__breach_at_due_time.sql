-- A breach happens when its clock passes its target: at the clock's due time on its business calendar,
-- not when the sweep (or a late stop) noticed it. breached_at is that instant; breach_noticed_at keeps
-- when the desk noticed it (the daily digest's "breached in the last day" goes by it).
ALTER TABLE sla_clock ADD COLUMN breach_noticed_at TIMESTAMP WITH TIME ZONE;

-- Past breaches were stamped with the moment they were noticed. A breached clock's due_at is the due
-- time it passed (written with the breach, and again whenever new terms moved it while still past), so
-- it is the breach's instant wherever a breach is marked.
UPDATE sla_clock SET breach_noticed_at = breached_at, breached_at = due_at WHERE breached_at IS NOT NULL;
