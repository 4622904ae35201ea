package org.atende.sla;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the sweep every {@code atende.sla.sweep-interval} (default one minute) after the previous pass
 * ends. Every instance may run it: the database decides which clocks each one marks. Off with
 * {@code atende.sla.sweep-enabled=false} (e.g. on instances that only serve the API).
 */
@Component
@ConditionalOnBooleanProperty(name = "atende.sla.sweep-enabled", matchIfMissing = true)
class SlaSweepSchedule {

    private static final Logger log = LoggerFactory.getLogger(SlaSweepSchedule.class);

    private final SlaSweep sweep;

    SlaSweepSchedule(SlaSweep sweep) {
        this.sweep = sweep;
    }

    /** The interval is read by its name here ({@code @Scheduled} takes no bean); its default is {@link SlaSweepProperties}'s. */
    @Scheduled(fixedDelayString = "${atende.sla.sweep-interval:PT1M}")
    void sweep() {
        SlaSweep.Result result = sweep.runOnce();
        if (result.warned() + result.breached() + result.escalated() > 0) {
            log.info("SLA sweep: {} warning(s), {} breach(es), {} escalation rule firing(s)", result.warned(),
                    result.breached(), result.escalated());
        }
    }
}
