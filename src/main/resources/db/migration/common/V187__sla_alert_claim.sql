-- notifications: which transaction wrote an sla_alert row. A batch of alerts is recorded in one multi-row insert
-- (ON CONFLICT DO NOTHING), and the transaction then reads back the rows carrying its own token: those, and only
-- those, it tells. Rows written before this column are never claimed again (their key is taken), so it stays null there.
ALTER TABLE sla_alert ADD COLUMN claimed_by VARCHAR(36);
