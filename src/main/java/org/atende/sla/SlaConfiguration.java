package org.atende.sla;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Settings ({@link SlaSweepProperties}) for the sweep. Time comes from the application's one
 * {@link java.time.Clock} bean, which tests replace with a {@code @Primary} clock they move.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlaSweepProperties.class)
class SlaConfiguration {
}
