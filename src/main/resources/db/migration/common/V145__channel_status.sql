-- notifications: how each channel did lately, shared by every instance (the outbox's sender and the
-- mailbox poller write it; the desk's banner, the Channels page and /actuator/health read it). A channel
-- is failing from a failure (failures > 0) until the next success, which clears the cause. While
-- failing, nothing of the channel is sent before retry_at: its messages wait HELD instead of each piling
-- up retries against a server that is down. name: 'email' (SMTP), 'whatsapp', 'mailbox:<label>' (IMAP).
CREATE TABLE channel_status (
  name            VARCHAR(400) PRIMARY KEY,
  last_success_at TIMESTAMP WITH TIME ZONE,
  last_failure_at TIMESTAMP WITH TIME ZONE,
  cause           VARCHAR(1000),
  failures        INT NOT NULL DEFAULT 0,
  retry_at        TIMESTAMP WITH TIME ZONE
);
INSERT INTO channel_status (name) VALUES ('email');
INSERT INTO channel_status (name) VALUES ('whatsapp');
-- A message waits HELD (with last_error saying why: the channel is not configured, or failing) until
-- the dispatcher finds its channel configured and due for another try.
CREATE INDEX outgoing_message_held ON outgoing_message (channel, state);
