package org.atende.sla;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The application on a private in-memory H2 (PostgreSQL mode), with a clock the tests move and the
 * scheduled sweep off (tests run passes themselves). Subclasses share one context; every test starts
 * with no tickets, clocks, organisations or plans.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:sla-tests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password=",
        "atende.sla.sweep-enabled=false"})
@Import(SlaTestConfiguration.class)
abstract class SlaIntegrationSupport {

    @Autowired
    MovingClock clock;

    @Autowired
    SlaTestConfiguration.PublishedSlaEvents published;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ApplicationEventPublisher events;

    Desk desk;

    @BeforeEach
    void freshDesk() {
        desk = new Desk(jdbc, transactions, events);
        desk.reset();
        published.clear();
        clock.set("2026-11-26T10:00:00Z"); // a Thursday; tests move it from here
    }
}
