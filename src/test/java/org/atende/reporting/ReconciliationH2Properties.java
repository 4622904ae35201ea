package org.atende.reporting;

import org.atende.support.H2Database;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Reconciliation of every report with the tickets, clocks and timeline, on H2. */
class ReconciliationH2Properties extends ReconciliationContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        H2Database.register(registry);
    }
}
