-- The raw source (.eml) of every inbound mail, as it came from the mailbox.
CREATE TABLE inbound_mail_source (
  inbound_mail_id BIGINT PRIMARY KEY REFERENCES inbound_mail (id),
  raw             BYTEA NOT NULL
);
