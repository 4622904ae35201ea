package org.atende.outage;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health}'s {@code db}: DOWN at once while the heartbeat finds no database (with since when),
 * otherwise a connection from the pool must answer within a second. Replaces Spring Boot's indicator
 * ({@code management.health.db.enabled=false}), which logs a stack trace on every failed check: a load
 * balancer asking every few seconds would flood the log during an outage.
 */
@Component("db")
class DatabaseHealth implements HealthIndicator {

    private final DatabaseAvailability availability;
    private final DataSource dataSource;

    DatabaseHealth(DatabaseAvailability availability, DataSource dataSource) {
        this.availability = availability;
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        if (availability.downSince().orElse(null) instanceof java.time.Instant since) {
            return Health.down().withDetail("unreachableSince", since.toString()).build();
        }
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(1) ? Health.up().build()
                    : Health.down().withDetail("error", "the database did not answer within 1 s").build();
        } catch (SQLException e) {
            availability.suspect(e);
            return Health.down().withDetail("error", String.valueOf(e.getMessage())).build();
        }
    }
}
