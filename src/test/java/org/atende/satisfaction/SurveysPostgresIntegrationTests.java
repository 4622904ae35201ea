package org.atende.satisfaction;

import org.atende.support.MovingTime;
import org.atende.support.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link SurveysContract} on PostgreSQL: one rating from a burst of clicks under real row locks. */
@SpringBootTest(properties = {"atende.notifications.dispatch-enabled=false", "atende.sla.sweep-enabled=false"})
@Import({MovingTime.class, SurveysContract.Questions.class})
@DirtiesContext // the context is bound to this class's schema; close it with the class
class SurveysPostgresIntegrationTests extends SurveysContract {

    @RegisterExtension
    static final PostgresSchema schema = PostgresSchema.createFor(SurveysPostgresIntegrationTests.class);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        schema.registerDataSource(registry);
    }
}
