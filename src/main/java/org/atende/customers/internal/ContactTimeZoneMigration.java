package org.atende.customers.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.atende.customers.ContactTimeZones;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Flyway V133: gives every contact written before contacts had a time zone the zone of their phone
 * number's country ({@link ContactTimeZones}), else the support calendar's zone. In Java because the
 * country comes from libphonenumber and the support zone from the settings; Spring Boot hands Flyway
 * every {@link JavaMigration} bean.
 */
@Component
class ContactTimeZoneMigration implements JavaMigration {

    private final ZoneId supportZone;

    ContactTimeZoneMigration(@Value("${atende.calendar.zone:Europe/Lisbon}") String supportZone) {
        this.supportZone = ZoneId.of(supportZone);
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("133");
    }

    @Override
    public String getDescription() {
        return "contact time zones from their phone numbers";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        Map<Long, String> zones = new LinkedHashMap<>();
        try (PreparedStatement read = connection.prepareStatement("SELECT id, phone FROM contact WHERE time_zone IS NULL");
                ResultSet rs = read.executeQuery()) {
            while (rs.next()) {
                zones.put(rs.getLong(1), ContactTimeZones.of(rs.getString(2), supportZone).getId());
            }
        }
        try (PreparedStatement write = connection.prepareStatement("UPDATE contact SET time_zone = ? WHERE id = ?")) {
            int n = 0;
            for (var e : zones.entrySet()) {
                write.setString(1, e.getValue());
                write.setLong(2, e.getKey());
                write.addBatch();
                if (++n % 500 == 0) {
                    write.executeBatch();
                }
            }
            write.executeBatch();
        }
    }
}
