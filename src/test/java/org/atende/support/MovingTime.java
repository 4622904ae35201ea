package org.atende.support;

import java.time.Clock;
import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Import into a Spring test to replace the application's clock with {@link #CLOCK}, which the test moves. */
@TestConfiguration(proxyBeanMethods = false)
public class MovingTime {

    public static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));

    @Bean
    @Primary
    Clock movingClock() {
        return CLOCK;
    }
}
