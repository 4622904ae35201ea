package org.atende.techservice;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code atende.techservice.*}: the sweep that expires sent quotes past their validity. The time zone
 * quotes are dated in is {@code atende.techservice.zone} (see {@link SupportZone}).
 *
 * @param expiryInterval the pause between the end of one pass and the start of the next, ISO-8601
 *        ({@code ATENDE_TECHSERVICE_EXPIRYINTERVAL}); default five minutes. Accepting a quote checks its
 *        validity itself, so the sweep's delay never lets a late acceptance through.
 * @param expiryBatchSize quotes claimed per transaction ({@code ATENDE_TECHSERVICE_EXPIRYBATCHSIZE}); default 100
 * @param expiryEnabled whether this instance runs the sweep ({@code ATENDE_TECHSERVICE_EXPIRYENABLED}); default true.
 *        Several instances may all run it against one PostgreSQL.
 */
@ConfigurationProperties("atende.techservice")
record TechServiceProperties(@DefaultValue("PT5M") Duration expiryInterval, @DefaultValue("100") int expiryBatchSize,
        @DefaultValue("true") boolean expiryEnabled) {

    TechServiceProperties {
        if (expiryBatchSize < 1) {
            throw new IllegalArgumentException("atende.techservice.expiry-batch-size must be positive: " + expiryBatchSize);
        }
        if (expiryInterval.isNegative() || expiryInterval.isZero()) {
            throw new IllegalArgumentException("atende.techservice.expiry-interval must be positive: " + expiryInterval);
        }
    }
}
