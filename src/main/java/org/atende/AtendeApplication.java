package org.atende;

import org.atende.calendar.cli.BusinessTimeCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AtendeApplication {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && BusinessTimeCommand.NAME.equals(args[0])) {
            BusinessTimeCommand.main(args); // a tool: answers on stdout without starting the server
            return;
        }
        SpringApplication.run(AtendeApplication.class, args);
    }
}
