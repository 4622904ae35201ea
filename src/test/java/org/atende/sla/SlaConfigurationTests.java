package org.atende.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SlaConfigurationTests {

    final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(SlaConfiguration.class);

    @Test
    void sweepsEveryMinuteInBatchesOfTwoHundredByDefault() {
        context.run(ctx -> {
            assertThat(ctx.getBean(SlaSweepProperties.class)).isEqualTo(new SlaSweepProperties(Duration.ofMinutes(1), 200, true, 2));
        });
    }

    @Test
    void takesTheSweepSettingsFromProperties() {
        context.withPropertyValues("atende.sla.sweep-interval=PT30S", "atende.sla.sweep-batch-size=50",
                "atende.sla.sweep-enabled=false", "atende.sla.sweep-lanes=3").run(ctx -> assertThat(ctx.getBean(SlaSweepProperties.class))
                .isEqualTo(new SlaSweepProperties(Duration.ofSeconds(30), 50, false, 3)));
    }

    @Test
    void refusesToStartWithoutALane() {
        context.withPropertyValues("atende.sla.sweep-lanes=0").run(ctx -> assertThat(ctx).hasFailed().getFailure()
                .hasStackTraceContaining("atende.sla.sweep-lanes must be positive"));
    }

    @Test
    void refusesToStartWithAnEmptyBatch() {
        context.withPropertyValues("atende.sla.sweep-batch-size=0").run(ctx -> assertThat(ctx).hasFailed().getFailure()
                .rootCause().hasMessageContaining("atende.sla.sweep-batch-size must be positive: 0"));
    }
}
