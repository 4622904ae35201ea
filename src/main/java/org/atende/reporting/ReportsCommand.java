package org.atende.reporting;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar atende.jar reports rebuild}: starts the application on the configured database,
 * without the web server or any scheduled work, rebuilds the report read model ({@link ReportRebuild}),
 * printing its progress a line at a time, and exits: 0 when done, 1 when another instance is rebuilding,
 * 2 on a failure or a wrong command.
 */
public final class ReportsCommand {

    public static final String NAME = "reports";

    private ReportsCommand() {
    }

    public static int run(Class<?> application, String[] args) {
        if (args.length < 2 || !args[1].equals("rebuild")) {
            System.err.println("usage: java -jar atende.jar reports rebuild [--spring.datasource.url=...]");
            return 2;
        }
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        String[] settings = {"--atende.sla.sweep-enabled=false", "--atende.notifications.dispatch-enabled=false",
                "--atende.email.polling-enabled=false", "--atende.digest.schedule-enabled=false",
                "--atende.techservice.expiry-enabled=false", "--atende.reports.aggregate-enabled=false",
                "--atende.reports.mailing-enabled=false", "--atende.reports.rebuild-at-start=false", "--atende.demo=false",
                "--logging.level.root=WARN"};
        String[] all = Arrays.copyOf(settings, settings.length + args.length - 2);
        System.arraycopy(args, 2, all, settings.length, args.length - 2);
        try (ConfigurableApplicationContext context = app.run(all)) {
            ReportRebuild rebuild = context.getBean(ReportRebuild.class);
            rebuild.request("the reports rebuild command");
            if (!rebuild.runRequested(System.out::println)) {
                rebuild.latest().ifPresent(p -> System.out.printf("another instance is rebuilding: %d of %d tickets%n", p.done(), p.total()));
                return 1;
            }
            return 0;
        } catch (RuntimeException e) {
            System.err.println("the rebuild failed: " + e.getMessage());
            return 2;
        }
    }
}
