-- notifications: a text longer than its channel takes leaves as several rows, each one sent only after the
-- one it follows; and what the channel said of each row (SENT, DELIVERED, READ, FAILED), which only moves
-- forward. The ticket's message shows the least advanced of its rows.
ALTER TABLE outgoing_message ADD COLUMN follows BIGINT;
ALTER TABLE outgoing_message ADD COLUMN delivery_state VARCHAR(10);
CREATE INDEX outgoing_message_by_ticket_message ON outgoing_message (ticket_message_id);
