package org.atende.techservice;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Settings ({@link TechServiceProperties}) for the expiry sweep. Time comes from the application's one
 * {@link java.time.Clock} bean, which tests replace with a clock they move.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TechServiceProperties.class)
class TechServiceConfiguration {
}
