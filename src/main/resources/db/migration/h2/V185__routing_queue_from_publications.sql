-- Routings of opened tickets still pending in the event publication registry move to the routing queue.
INSERT INTO routing_queue (ticket_id, queued_at, next_attempt_at)
SELECT p.ticket_id, MIN(p.publication_date), MIN(p.publication_date)
FROM (SELECT CAST(REGEXP_SUBSTR(SERIALIZED_EVENT, '"ticketId":\s*(\{"value":\s*)?(\d+)', 1, 1, '', 2) AS BIGINT) AS ticket_id,
             PUBLICATION_DATE AS publication_date
      FROM EVENT_PUBLICATION
      WHERE LISTENER_ID = 'org.atende.routing.internal.RoutingListener.on(org.atende.tickets.TicketOpened)'
        AND COMPLETION_DATE IS NULL) p
WHERE EXISTS (SELECT 1 FROM ticket t WHERE t.id = p.ticket_id)
GROUP BY p.ticket_id;

DELETE FROM EVENT_PUBLICATION
WHERE LISTENER_ID = 'org.atende.routing.internal.RoutingListener.on(org.atende.tickets.TicketOpened)' AND COMPLETION_DATE IS NULL;
