-- notifications: the daily digest to leads. digest_run claims a day for one instance (its insert commits
-- with every digest of that day); digest_sent is the (lead, day) record that one lead gets one digest a day.
CREATE TABLE digest_run (
  digest_day DATE NOT NULL PRIMARY KEY,
  ran_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE digest_sent (
  lead_user_id BIGINT NOT NULL,
  digest_day   DATE   NOT NULL,
  outgoing_id  BIGINT NOT NULL,
  PRIMARY KEY (lead_user_id, digest_day)
);

-- Organisations that reached their monthly allowance (customers' QuotaLimitReached), once per month.
CREATE TABLE quota_limit_reached (
  organisation_id BIGINT      NOT NULL,
  usage_month     VARCHAR(7)  NOT NULL,
  allowance       INT         NOT NULL,
  reached_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (organisation_id, usage_month)
);
