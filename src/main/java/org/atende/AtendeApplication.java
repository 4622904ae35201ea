package org.atende;

import java.time.Clock;

import org.atende.calendar.cli.BusinessTimeCommand;
import org.atende.reporting.ReportsCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class AtendeApplication {

    /** The one source of time; tests replace it to move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && BusinessTimeCommand.NAME.equals(args[0])) {
            BusinessTimeCommand.main(args); // a tool: answers on stdout without starting the server
            return;
        }
        if (args.length > 0 && ReportsCommand.NAME.equals(args[0])) {
            System.exit(ReportsCommand.run(AtendeApplication.class, args)); // starts the context on the database, rebuilds, exits
        }
        SpringApplication.run(AtendeApplication.class, demoFlag(args));
    }

    /** {@code --demo} is short for {@code --atende.demo=true}: seed a demo desk on the first start. */
    static String[] demoFlag(String[] args) {
        return java.util.Arrays.stream(args).map(a -> a.equals("--demo") ? "--atende.demo=true" : a).toArray(String[]::new);
    }
}
