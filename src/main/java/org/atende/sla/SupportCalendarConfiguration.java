package org.atende.sla;

import org.atende.calendar.BusinessCalendar;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The desk's support calendar as a bean; an invalid definition stops the start with the calendar's message. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SupportCalendarProperties.class)
class SupportCalendarConfiguration {

    @Bean
    BusinessCalendar supportCalendar(SupportCalendarProperties properties) {
        return properties.toCalendar();
    }
}
