-- reporting: how often each macro was applied, per support month and organisation, kept from MacroApplied
-- in the transaction that applies it. report_macro keeps the name and scope a macro had when last applied,
-- so a deleted macro's uses are still reported under its name.
CREATE TABLE report_macro (
  macro_id   BIGINT       PRIMARY KEY,
  macro_name VARCHAR(120) NOT NULL,
  scope      VARCHAR(10)  NOT NULL
);

CREATE TABLE report_macro_use (
  support_month   CHAR(7) NOT NULL,
  macro_id        BIGINT  NOT NULL,
  organisation_id BIGINT  NOT NULL,
  uses            INT     NOT NULL DEFAULT 0,
  PRIMARY KEY (support_month, macro_id, organisation_id)
);
