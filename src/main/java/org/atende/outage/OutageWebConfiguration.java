package org.atende.outage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The outage filter, ahead of the session repository ({@code Integer.MIN_VALUE + 50}) and security. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class OutageWebConfiguration {

    @Bean
    FilterRegistrationBean<OutageFilter> outageFilter(DatabaseAvailability availability, UnavailableAnswer answer) {
        var registration = new FilterRegistrationBean<>(new OutageFilter(availability, answer));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
