package org.atende.support;

import java.util.ArrayList;
import java.util.List;

import org.atende.AtendeApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second instance of the desk beside a test's own, on the same PostgreSQL schema and the tests' moving clock,
 * on a free port, with its schedules off (the test drives what it needs): what several instances behind a load
 * balancer share is then only the database.
 */
public final class SecondInstance {

    private SecondInstance() {
    }

    /** Starts it; {@code settings} are more {@code --name=value} arguments. Close it when the test class ends. */
    public static ConfigurableApplicationContext start(PostgresSchema schema, String... settings) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + schema.jdbcUrl(),
                "--spring.datasource.username=postgres", "--spring.datasource.password=", "--server.port=0",
                "--atende.notifications.dispatch-enabled=false", "--atende.sla.sweep-enabled=false",
                "--atende.techservice.expiry-enabled=false", "--atende.email.polling-enabled=false",
                "--atende.digest.schedule-enabled=false", "--spring.main.banner-mode=off"));
        args.addAll(List.of(settings));
        return new SpringApplicationBuilder(AtendeApplication.class, MovingTime.class).run(args.toArray(String[]::new));
    }
}
