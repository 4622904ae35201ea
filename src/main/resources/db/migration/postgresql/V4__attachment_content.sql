-- Attachment bytes, kept apart from the rows that describe them and shared by identical files.
CREATE TABLE attachment_content (
  sha256  VARCHAR(64) PRIMARY KEY,
  content BYTEA NOT NULL
);
