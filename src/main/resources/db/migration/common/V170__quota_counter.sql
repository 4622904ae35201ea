-- customers: how many units each organisation has used in each support month, so that an intake decides with
-- one conditional update (used < allowance) instead of counting the month's quota_unit rows under a lock.
-- Kept up to date while the organisation's plan has an allowance; the application deletes an organisation's
-- rows when its plan or the plan's allowance changes, and builds them again from quota_unit when next needed.
CREATE TABLE quota_counter (
  organisation_id BIGINT  NOT NULL REFERENCES organisation (id),
  usage_month     CHAR(7) NOT NULL,          -- YYYY-MM in the support time zone, as quota_unit
  used            INT     NOT NULL CHECK (used >= 0),
  PRIMARY KEY (organisation_id, usage_month)
);

-- the organisations whose plan has an allowance, from the units they hold
INSERT INTO quota_counter (organisation_id, usage_month, used)
SELECT u.organisation_id, u.usage_month, COUNT(*)
FROM quota_unit u JOIN organisation o ON o.id = u.organisation_id JOIN plan p ON p.id = o.plan_id
WHERE u.returned_at IS NULL AND p.monthly_ticket_allowance IS NOT NULL
GROUP BY u.organisation_id, u.usage_month;
