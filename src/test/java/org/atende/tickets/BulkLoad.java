package org.atende.tickets;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.atende.AtendeApplication;
import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.support.DeskFixtures;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How long one bulk call of {@code -Dtickets=1000} (the most one call takes) runs on PostgreSQL: creates the
 * scratch database {@code atende_bulk_bench}, opens the tickets through the desk (so each has its clocks and
 * its report row), then times, through {@link TicketBulk}, an assignment, the same assignment again (every
 * ticket unchanged), a priority change (the clocks recomputed), adding a tag and closing (resolve, then
 * close). Run with {@code mvn -Pbulk-load test-compile exec:exec}.
 */
public final class BulkLoad {

    private static final String DB = "atende_bulk_bench";
    private static final int TICKETS = Integer.getInteger("tickets", TicketBulk.LIMIT);

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DB);
            s.execute("CREATE DATABASE " + DB);
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AtendeApplication.class).run(Stream.of(
                "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + DB, "spring.datasource.username=postgres",
                "spring.datasource.password=", "server.port=0", "atende.notifications.dispatch-enabled=false",
                "atende.sla.sweep-enabled=false", "logging.level.root=WARN").map(p -> "--" + p).toArray(String[]::new))) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            Tickets tickets = app.getBean(Tickets.class);
            TicketBulk bulk = app.getBean(TicketBulk.class);
            DeskFixtures fixtures = new DeskFixtures(jdbc);
            OrganisationId org = fixtures.organisation("Bench", fixtures.plan(fixtures.standardPolicy(), "MEDIUM"));
            Actor agent = fixtures.staff(Role.AGENT, "Bench Agent");
            Actor colleague = fixtures.staff(Role.AGENT, "Bench Colleague");

            long t0 = System.nanoTime();
            List<TicketId> ids = new ArrayList<>();
            for (int i = 0; i < TICKETS; i++) {
                ids.add(tickets.open(new OpenTicket(org, null, Channel.API, "Bench ticket " + i, "Não consigo exportar", null,
                        null, null, Set.of("bench")), agent).id());
            }
            System.out.printf(Locale.ROOT, "opened %,d tickets in %.1f s%n", TICKETS, (System.nanoTime() - t0) / 1e9);
            jdbc.sql("ANALYZE").update();

            BulkSelection all = BulkSelection.of(ids, Map.of());
            TicketChanges assign = new TicketChanges(null, null, null, null, colleague.userId(), false, null, null);
            time("assign to a colleague", () -> bulk.apply(all, new BulkChange.Update(assign), agent));
            time("the same again (unchanged)", () -> bulk.apply(all, new BulkChange.Update(assign), agent));
            time("priority URGENT (clocks recomputed)", () -> bulk.apply(all,
                    new BulkChange.Update(TicketChanges.priority(Priority.URGENT)), agent));
            time("add a tag", () -> bulk.apply(all, new BulkChange.Update(new TicketChanges(null, null, null, null, null, false,
                    null, null, Set.of("reviewed"), Set.of())), agent));
            time("close (resolve, then close)", () -> bulk.apply(all, new BulkChange.Close(), agent));
        }
    }

    private static void time(String what, Supplier<BulkResult> call) {
        long start = System.nanoTime();
        BulkResult result = call.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-38s %,5d tickets  %5.1f s  %5.1f ms a ticket  (changed %d, unchanged %d, refused %d)%n",
                what, result.outcomes().size(), seconds, seconds * 1000 / result.outcomes().size(),
                result.count(BulkOutcome.Result.CHANGED), result.count(BulkOutcome.Result.UNCHANGED),
                result.count(BulkOutcome.Result.REFUSED));
    }
}
