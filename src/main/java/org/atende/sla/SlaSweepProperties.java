package org.atende.sla;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code atende.sla.*}: the SLA sweep.
 *
 * @param sweepInterval the pause between the end of one pass and the start of the next, ISO-8601
 *        ({@code ATENDE_SLA_SWEEPINTERVAL=PT30S}); default one minute
 * @param sweepBatchSize how many clocks one transaction claims and marks ({@code ATENDE_SLA_SWEEPBATCHSIZE}); default 200
 * @param sweepEnabled whether this instance runs the sweep on its schedule ({@code ATENDE_SLA_SWEEPENABLED}); default
 *        true. Several instances may all run it against one PostgreSQL.
 * @param sweepLanes how many batches one pass works on at once, each in its own transaction on a thread of its own
 *        ({@code ATENDE_SLA_SWEEPLANES}); default 2: while one batch waits on the database the other is computed
 */
@ConfigurationProperties("atende.sla")
record SlaSweepProperties(@DefaultValue("PT1M") Duration sweepInterval, @DefaultValue("200") int sweepBatchSize,
        @DefaultValue("true") boolean sweepEnabled, @DefaultValue("2") int sweepLanes) {

    SlaSweepProperties {
        if (sweepLanes < 1) {
            throw new IllegalArgumentException("atende.sla.sweep-lanes must be positive: " + sweepLanes);
        }
        if (sweepBatchSize < 1) {
            throw new IllegalArgumentException("atende.sla.sweep-batch-size must be positive: " + sweepBatchSize);
        }
        if (sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("atende.sla.sweep-interval must be positive: " + sweepInterval);
        }
    }
}
