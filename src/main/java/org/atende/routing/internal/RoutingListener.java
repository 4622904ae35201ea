package org.atende.routing.internal;

import org.atende.tickets.TicketReclassified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Routes a reclassified ticket again after the transaction that changed its type commits, in a transaction of its own
 * and apart from the request. A routing that throws leaves its publication incomplete in the registry, where
 * {@link RoutingRetries} takes it up again. A change of priority alone re-routes nothing. (Opened tickets are routed
 * from {@link RoutingQueue}, in batches.)
 */
@Component
class RoutingListener {

    private static final Logger log = LoggerFactory.getLogger(RoutingListener.class);

    private final Router router;

    RoutingListener(Router router) {
        this.router = router;
    }

    @ApplicationModuleListener
    void on(TicketReclassified reclassified) {
        if (reclassified.previousType() != reclassified.type()) {
            Router.Result result = router.reclassified(reclassified.ticketId());
            log.debug("ticket {} reclassified as {}: {}", reclassified.ticketId(), reclassified.type(), result);
        }
    }
}
