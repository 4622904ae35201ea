package org.atende.knowledge;

import org.atende.support.H2Database;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class KnowledgeH2IntegrationTests extends KnowledgeContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        H2Database.register(registry);
    }
}
