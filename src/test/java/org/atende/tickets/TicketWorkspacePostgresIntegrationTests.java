package org.atende.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.atende.identity.Actor;
import org.atende.support.PostgresSchema;
import org.atende.support.SecondInstance;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Merged conversations, splits and presence on PostgreSQL; and presence across two instances of the desk on one
 * schema: a page open on one instance is seen from the other, and stops being seen when it leaves there.
 */
@DirtiesContext
class TicketWorkspacePostgresIntegrationTests extends TicketWorkspaceContract {

    @RegisterExtension
    static final PostgresSchema schema = PostgresSchema.createFor(TicketWorkspacePostgresIntegrationTests.class);

    static @Nullable ConfigurableApplicationContext second;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        schema.registerDataSource(registry);
    }

    @AfterAll
    static void stopTheSecondInstance() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    @Test
    void showsOnOneInstanceWhoIsReplyingOnAnother() {
        second = SecondInstance.start(schema);
        TicketPresence there = second.getBean(TicketPresence.class);
        TicketView t = tickets.open(new OpenTicket(null, null, Channel.PORTAL, "Two instances", "x", null, null, null, Set.of()), ana);
        Actor here = agent;

        there.report(t.id(), "page-on-the-second-instance", true, other);

        assertThat(presence.report(t.id(), "page-on-the-first-instance", false, here)).singleElement().satisfies(p -> {
            assertThat(p.userId()).isEqualTo(other.userId());
            assertThat(p.replying()).isTrue();
        });
        assertThat(there.others(t.id(), other)).singleElement().satisfies(p -> assertThat(p.userId()).isEqualTo(here.userId()));

        there.leave(t.id(), "page-on-the-second-instance", other);
        assertThat(presence.others(t.id(), here)).isEmpty();
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
    }
}
