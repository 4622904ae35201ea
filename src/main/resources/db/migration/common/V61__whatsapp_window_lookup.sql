-- channels.whatsapp: the 24-hour window is the latest message a number (or a user id) sent.
CREATE INDEX whatsapp_message_by_wa_id ON whatsapp_message (wa_id, sent_at);
CREATE INDEX whatsapp_message_by_user_id ON whatsapp_message (user_id, sent_at);
