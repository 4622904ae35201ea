-- customers: when a contact's personal data was erased (name, addresses and numbers anonymised; its
-- tickets and figures kept). An erased contact is never found by address or number again.
ALTER TABLE contact ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE;
