-- The ticket list's other orders (newest first, recently updated first) walk an index from the cursor's key,
-- like the due-time order does (ticket_by_due), instead of sorting every matching ticket for each page.
CREATE INDEX ticket_by_received ON ticket (received_at, id);
CREATE INDEX ticket_by_updated ON ticket (updated_at, id);
