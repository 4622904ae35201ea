package org.atende.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

/** V133 on contacts written before zones: their number's zone, else the support zone; set zones stay. */
class ContactTimeZoneMigrationUnitTests {

    @Test
    void givesExistingContactsTheZoneOfTheirNumberElseTheSupportZone() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:h2:mem:zones-" + System.nanoTime() + ";MODE=PostgreSQL");
                Statement s = db.createStatement()) {
            s.execute("CREATE TABLE contact (id BIGINT PRIMARY KEY, phone VARCHAR(32), time_zone VARCHAR(64))");
            s.execute("INSERT INTO contact VALUES (1, '+34611222333', NULL), (2, '+351912345678', NULL), (3, NULL, NULL), "
                    + "(4, '+12025550123', NULL), (5, '+34611222333', 'Atlantic/Canary')");

            new ContactTimeZoneMigration("Europe/Lisbon").migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return db;
                }
            });

            Map<Long, String> zones = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT id, time_zone FROM contact ORDER BY id")) {
                while (rs.next()) {
                    zones.put(rs.getLong(1), rs.getString(2));
                }
            }
            assertThat(zones).containsExactly(Map.entry(1L, "Europe/Madrid"), Map.entry(2L, "Europe/Lisbon"), Map.entry(3L, "Europe/Lisbon"),
                    Map.entry(4L, "Europe/Lisbon"), Map.entry(5L, "Atlantic/Canary"));
        }
    }
}
