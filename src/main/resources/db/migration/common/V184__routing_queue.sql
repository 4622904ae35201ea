-- Tickets waiting to be routed. A ticket's row is written in the transaction that opens it and deleted in the one
-- that routes it; routing takes the waiting tickets in batches (SELECT ... FOR UPDATE SKIP LOCKED, so two instances
-- never route the same one), and a ticket whose routing failed waits until next_attempt_at before it is tried again.
CREATE TABLE routing_queue (
    ticket_id       BIGINT PRIMARY KEY REFERENCES ticket (id) ON DELETE CASCADE,
    queued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts        INT NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(1000)
);
CREATE INDEX routing_queue_due ON routing_queue (next_attempt_at);
