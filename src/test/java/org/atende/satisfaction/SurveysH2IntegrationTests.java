package org.atende.satisfaction;

import org.atende.support.H2Database;
import org.atende.support.MovingTime;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link SurveysContract} on H2 in PostgreSQL mode. */
@SpringBootTest(properties = {"atende.notifications.dispatch-enabled=false", "atende.sla.sweep-enabled=false"})
@Import({MovingTime.class, SurveysContract.Questions.class})
class SurveysH2IntegrationTests extends SurveysContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        H2Database.register(registry);
    }
}
