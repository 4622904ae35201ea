-- notifications: who an internal note mentioned. One row per note and person, inserted if absent in the
-- transaction that tells them, so a person hears of a note once however often its event is delivered.
CREATE TABLE note_mention (
  message_id BIGINT NOT NULL,
  user_id    BIGINT NOT NULL,
  ticket_id  BIGINT NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (message_id, user_id)
);
-- A desk notification may point at one message of its ticket (a mention: the note).
ALTER TABLE desk_notification ADD COLUMN message_id BIGINT;

-- tickets: who has a ticket's page open, one row per open page, and whether they are writing a reply.
-- Pages report every few seconds; a row not seen for a while no longer counts and is deleted later.
CREATE TABLE ticket_presence (
  ticket_id BIGINT      NOT NULL,
  page_id   VARCHAR(40) NOT NULL,
  user_id   BIGINT      NOT NULL,
  replying  BOOLEAN     NOT NULL,
  seen_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (ticket_id, page_id)
);
CREATE INDEX ticket_presence_by_seen ON ticket_presence (seen_at);

-- tickets: a ticket's conversation shows the messages of the tickets merged into it.
CREATE INDEX ticket_by_merged_into ON ticket (merged_into_id);
