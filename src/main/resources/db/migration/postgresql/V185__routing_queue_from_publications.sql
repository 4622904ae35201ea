-- Routings of opened tickets still pending in the event publication registry move to the routing queue.
INSERT INTO routing_queue (ticket_id, queued_at, next_attempt_at)
SELECT p.ticket_id, MIN(p.publication_date), MIN(p.publication_date)
FROM (SELECT CAST(substring(serialized_event FROM '"ticketId":\s*(?:\{"value":\s*)?(\d+)') AS BIGINT) AS ticket_id, publication_date
      FROM event_publication
      WHERE listener_id = 'org.atende.routing.internal.RoutingListener.on(org.atende.tickets.TicketOpened)'
        AND completion_date IS NULL) p
WHERE EXISTS (SELECT 1 FROM ticket t WHERE t.id = p.ticket_id)
GROUP BY p.ticket_id;

DELETE FROM event_publication
WHERE listener_id = 'org.atende.routing.internal.RoutingListener.on(org.atende.tickets.TicketOpened)' AND completion_date IS NULL;
