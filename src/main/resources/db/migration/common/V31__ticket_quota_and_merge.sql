-- tickets: over-quota flag (billable), and tickets closed as spam or as a duplicate merged into another.
ALTER TABLE ticket ADD COLUMN over_quota BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE ticket ADD COLUMN closed_as VARCHAR(10);  -- SPAM | DUPLICATE; null: closed in the ordinary way
ALTER TABLE ticket ADD COLUMN merged_into_id BIGINT REFERENCES ticket (id);
CREATE INDEX ticket_over_quota ON ticket (over_quota, organisation_id);
