package org.atende.support;

import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/** A private in-memory H2 database in PostgreSQL mode for one Spring test context (never ./data). */
public final class H2Database {

    private H2Database() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:atende-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }
}
