package org.atende.notifications;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends what is due every {@code atende.notifications.dispatch-interval}; every instance may, the database shares the work. */
@Component
@ConditionalOnBooleanProperty(name = "atende.notifications.dispatch-enabled", matchIfMissing = true)
class OutboxSchedule {

    private final OutboxDispatch dispatch;

    OutboxSchedule(OutboxDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @Scheduled(fixedDelayString = "${atende.notifications.dispatch-interval:PT5S}")
    void dispatch() {
        dispatch.runOnce();
    }
}
