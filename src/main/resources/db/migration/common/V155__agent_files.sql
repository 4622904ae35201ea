-- Files from agents go out with their message: an e-mail carries the attachments named on its outbox row
-- (comma-separated attachment ids), a WhatsApp row carries one file (its caption is the row's body). An answer
-- held outside the 24-hour window keeps its file until the customer's reply releases it.
ALTER TABLE outgoing_message ADD COLUMN attachment_ids VARCHAR(2000);
ALTER TABLE whatsapp_held_answer ADD COLUMN attachment_id BIGINT;
