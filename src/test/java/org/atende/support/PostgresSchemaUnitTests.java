package org.atende.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PostgresSchemaUnitTests {

    @Nested
    class Naming {

        @Test
        void namesTheSchemaAfterTheTestClassInLowerCase() {
            assertThat(PostgresSchema.uniqueName("TicketsIntegrationTests")).matches("t_ticketsintegrationtests_[0-9a-f]{8}");
        }

        @Test
        void givesEveryCallADifferentName() {
            assertThat(PostgresSchema.uniqueName("X")).isNotEqualTo(PostgresSchema.uniqueName("X"));
        }

        @Test
        void keepsNamesWithinPostgresIdentifierLimit() {
            assertThat(PostgresSchema.uniqueName("A".repeat(200))).hasSize(63);
        }
    }

    @Nested
    class CurrentSchemaParameter {

        @Test
        void appendsToExistingParameters() {
            assertThat(PostgresSchema.withParameter("jdbc:postgresql://h:5432/test?user=postgres", "currentSchema", "s"))
                .isEqualTo("jdbc:postgresql://h:5432/test?user=postgres&currentSchema=s");
        }

        @Test
        void startsTheQueryWhenThereIsNone() {
            assertThat(PostgresSchema.withParameter("jdbc:postgresql://h/test", "currentSchema", "s"))
                .isEqualTo("jdbc:postgresql://h/test?currentSchema=s");
        }

        @Test
        void replacesACurrentSchemaAlreadyInTheUrl() {
            assertThat(PostgresSchema.withParameter("jdbc:postgresql://h/test?currentSchema=old&user=u", "currentSchema", "s"))
                .isEqualTo("jdbc:postgresql://h/test?user=u&currentSchema=s");
        }
    }
}
