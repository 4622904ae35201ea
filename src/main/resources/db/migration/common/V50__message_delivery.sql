-- tickets: what became of a message sent to the customer on its channel (QUEUED, SENT, DELIVERED,
-- READ, FAILED), with the reason of a failure; null for messages that were not sent anywhere.
ALTER TABLE message ADD COLUMN delivery_state VARCHAR(10);
ALTER TABLE message ADD COLUMN delivery_detail VARCHAR(1000);
