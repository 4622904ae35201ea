-- A day's flow of an organisation is spread over up to 16 rows (stripes), summed by readers: transactions that open
-- tickets of one organisation at once each add to a row of their own instead of queueing for one row's lock.
ALTER TABLE report_flow_day ADD COLUMN stripe SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE report_flow_day DROP CONSTRAINT report_flow_day_pkey;
ALTER TABLE report_flow_day ADD PRIMARY KEY (flow_day, organisation_id, stripe);
