-- A day's flow of an organisation is spread over up to 16 rows (stripes), summed by readers: transactions that open
-- tickets of one organisation at once each add to a row of their own instead of queueing for one row's lock.
ALTER TABLE report_flow_day ADD COLUMN stripe SMALLINT DEFAULT 0 NOT NULL;
ALTER TABLE report_flow_day DROP PRIMARY KEY;
ALTER TABLE report_flow_day ADD PRIMARY KEY (flow_day, organisation_id, stripe);
