package org.atende.sla;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The time source of everything in sla (a bean so tests can move it), and scheduling and settings
 * ({@link SlaSweepProperties}) for the sweep.
 * {@code @ConditionalOnMissingBean} steps aside for a {@link Clock} defined elsewhere; define at most
 * one other (mark a test clock {@code @Primary}, since user configurations are not ordered).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(SlaSweepProperties.class)
class SlaConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
