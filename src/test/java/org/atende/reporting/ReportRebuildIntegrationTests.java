package org.atende.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.atende.support.DeskFixtures;
import org.atende.support.H2Database;
import org.atende.support.MovingTime;
import org.atende.tickets.TicketChanges;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.Tickets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The rebuild recomputes the read model from the tickets, clocks and timelines, tickets older than the
 * read model included, gives the same rows when run again and while the desk changes tickets; and the
 * monthly mailing sends each chosen organisation's report once, on the first working day, with the PDF.
 */
@SpringBootTest(properties = {"atende.sla.sweep-enabled=false", "atende.reports.aggregate-enabled=false",
        "atende.reports.mailing-enabled=false", "atende.notifications.dispatch-enabled=false", "atende.web.base-url=https://desk.example"})
@Import(MovingTime.class)
class ReportRebuildIntegrationTests {

    @Autowired ReportRebuild rebuild;
    @Autowired MonthlyMailing mailing;
    @Autowired Reports reports;
    @Autowired Tickets tickets;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.context.ApplicationContext context;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

    ReportFixture desk;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        H2Database.register(registry);
    }

    @BeforeEach
    void fixture() {
        desk = new ReportFixture(jdbc, tickets, "Rebuilt");
    }

    /** Every row of the read model of the fixture's organisation, as text, in a stable order. */
    List<String> readModel() {
        long org = desk.org.value();
        List<String> rows = new ArrayList<>();
        rows.addAll(jdbc.sql("""
                SELECT ticket_id, ticket_number, plan_id, team_id, assignee_id, channel, ticket_type, technical_service, opened_at,
                       support_month, priority, status, first_response, first_response_seconds, resolution, resolution_seconds,
                       paused_seconds, reopen_count, resolved_at, waited, closed_as, paused_since, first_response_due, resolution_due, live_at
                FROM report_ticket WHERE organisation_id = ? ORDER BY ticket_id""").param(org)
                .query((rs, n) -> "ticket " + row(rs)).list());
        rows.addAll(jdbc.sql("SELECT flow_day, SUM(opened), SUM(resolved), SUM(reopened), SUM(waiting_change), SUM(backlog_change) "
                + "FROM report_flow_day WHERE organisation_id = ? GROUP BY flow_day ORDER BY flow_day").param(org)
                .query((rs, n) -> "day " + row(rs)).list());
        rows.addAll(jdbc.sql("SELECT ticket_id, clock_kind, due_at, breached_at, noticed_at FROM report_breach WHERE organisation_id = ? "
                + "ORDER BY ticket_id, clock_kind").param(org).query((rs, n) -> "breach " + row(rs)).list());
        rows.addAll(jdbc.sql("SELECT e.ticket_id, e.happened_at, e.kind, e.before_value, e.after_value FROM report_ticket_event e "
                + "JOIN report_ticket r ON r.ticket_id = e.ticket_id WHERE r.organisation_id = ? ORDER BY e.ticket_id, e.happened_at, e.kind")
                .param(org).query((rs, n) -> "cause " + row(rs)).list());
        return rows;
    }

    private static String row(java.sql.ResultSet rs) throws java.sql.SQLException {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            s.append(rs.getString(i)).append('|');
        }
        return s.toString();
    }

    @Test
    void rebuildsTicketsOlderThanTheReadModelAndGivesTheSameRowsTwice() {
        List<String> live = readModel();
        // as if these tickets were older than the read model: nothing of theirs is left
        jdbc.sql("DELETE FROM report_ticket_event WHERE ticket_id IN (SELECT ticket_id FROM report_ticket WHERE organisation_id = ?)")
                .param(desk.org.value()).update();
        jdbc.sql("DELETE FROM report_ticket_flow WHERE organisation_id = ?").param(desk.org.value()).update();
        jdbc.sql("DELETE FROM report_flow_day WHERE organisation_id = ?").param(desk.org.value()).update();
        jdbc.sql("DELETE FROM report_breach WHERE organisation_id = ?").param(desk.org.value()).update();
        jdbc.sql("DELETE FROM report_ticket WHERE organisation_id = ?").param(desk.org.value()).update();
        assertThat(reports.complianceOverall(ReportsContract.NOVEMBER, ReportsContract.NOVEMBER, desk.org).tickets()).isZero();

        List<String> lines = new ArrayList<>();
        assertThat(rebuild.request("a test")).isPresent();
        assertThat(rebuild.request("a second asker")).as("one at a time").isEmpty();
        assertThat(rebuild.runRequested(lines::add)).isTrue();
        assertThat(readModel()).as("what the live events wrote").isEqualTo(live);
        assertThat(lines.getFirst()).endsWith("tickets to rebuild");
        assertThat(lines.getLast()).startsWith("done: ");
        ReportRebuild.Progress done = rebuild.latest().orElseThrow();
        assertThat(done.state()).isEqualTo("DONE");
        assertThat(done.done()).isEqualTo(done.total()).isPositive();
        assertThat(done.percent()).isEqualTo(100);

        rebuild.request("again");
        rebuild.runRequested(l -> { });
        assertThat(readModel()).as("a second rebuild changes nothing").isEqualTo(live);
        assertThat(reports.complianceOverall(ReportsContract.NOVEMBER, ReportsContract.NOVEMBER, desk.org).tickets()).isEqualTo(5);
    }

    @Test
    void aNewOwnerAloneMovesTheTicketsRowAsARebuildWouldWriteIt() {
        tickets.update(desk.a, new TicketChanges(null, null, null, null, desk.lead.userId(), false, desk.secondLine, null), desk.lead);
        tickets.update(desk.d, new TicketChanges(null, null, null, null, null, true, null, null), desk.lead);
        List<String> live = readModel();
        assertThat(live).anyMatch(row -> row.startsWith("ticket " + desk.a.value() + "|")
                && row.contains("|" + desk.secondLine.value() + "|" + desk.lead.userId().value() + "|"));

        rebuild.request("a test");
        rebuild.runRequested(l -> { });
        assertThat(readModel()).isEqualTo(live);
    }

    @Test
    void followingTheChangedTicketsGivesTheCellsARecomputationGives() {
        ReportCells cells = context.getBean(ReportCells.class);
        cells.aggregate();
        tickets.update(desk.a, TicketChanges.priority(org.atende.tickets.Priority.URGENT), desk.lead);
        tickets.update(desk.f, TicketChanges.status(TicketStatus.OPEN), desk.lead);
        tickets.update(desk.b, new TicketChanges(null, null, null, null, desk.lead.userId(), false, desk.secondLine, null), desk.lead);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM report_change WHERE ticket_id IS NOT NULL").query(Long.class).single()).isPositive();
        cells.aggregate(); // follows the three tickets
        List<String> followed = cellRows();

        jdbc.sql("INSERT INTO report_change (support_month, organisation_id) SELECT DISTINCT support_month, organisation_id FROM report_ticket")
                .update();
        cells.aggregate(); // every pair recomputed whole
        assertThat(cellRows()).isEqualTo(followed);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM report_cell_ticket c JOIN report_ticket r ON r.ticket_id = c.ticket_id "
                + "WHERE r.organisation_id = ?").param(desk.org.value()).query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void aPassTakesWhatWasListedWhenItBeganAndLeavesWhatIsListedMeanwhileToTheNext() {
        ReportCells real = context.getBean(ReportCells.class);
        real.aggregate();
        tickets.update(desk.a, TicketChanges.priority(org.atende.tickets.Priority.URGENT), desk.lead);
        // whenever the pass begins a transaction, ticket F changes and commits just before: a steady stream of changes
        java.util.concurrent.atomic.AtomicInteger meanwhile = new java.util.concurrent.atomic.AtomicInteger();
        org.springframework.transaction.support.TransactionTemplate own = new org.springframework.transaction.support.TransactionTemplate(
                transactions);
        own.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        JdbcClient changingMeanwhile = (JdbcClient) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {JdbcClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sql") && ((String) args[0]).contains("FROM report_aggregation")
                            && meanwhile.get() < 3) {
                        TicketStatus status = meanwhile.getAndIncrement() % 2 == 0 ? TicketStatus.OPEN : TicketStatus.WAITING_ON_CUSTOMER;
                        own.executeWithoutResult(tx -> tickets.update(desk.f, TicketChanges.status(status), desk.lead));
                    }
                    try {
                        return method.invoke(jdbc, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        ReportCells cells = new ReportCells(changingMeanwhile, context.getBean(org.springframework.jdbc.core.JdbcTemplate.class),
                context.getBean(LiveFigures.class), transactions, context.getBean(java.time.Clock.class));

        assertThat(cells.aggregate()).as("pairs taken: the one listed when the pass began, once").isEqualTo(1);
        assertThat(meanwhile.get()).as("changes made while the pass ran").isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM report_change WHERE ticket_id = ?").param(desk.f.value()).query(Long.class).single())
                .as("the changes made meanwhile, left listed").isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM report_change WHERE ticket_id = ?").param(desk.a.value()).query(Long.class).single())
                .isZero();

        assertThat(real.aggregate()).as("the next pass").isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM report_change").query(Long.class).single()).isZero();
        List<String> followed = cellRows();
        jdbc.sql("INSERT INTO report_change (support_month, organisation_id) SELECT DISTINCT support_month, organisation_id FROM report_ticket")
                .update();
        real.aggregate(); // every pair recomputed whole
        assertThat(cellRows()).isEqualTo(followed);
    }

    @Test
    void theChangesOfSeveralOrganisationsTakenTogetherLeaveTheCellsOfEveryOrganisationTheirSum() {
        ReportCells cells = context.getBean(ReportCells.class);
        ReportFixture other = new ReportFixture(jdbc, tickets, "Outra");
        cells.aggregate();
        tickets.update(desk.a, TicketChanges.priority(org.atende.tickets.Priority.URGENT), desk.lead);
        tickets.update(other.b, TicketChanges.status(TicketStatus.OPEN), other.lead);
        tickets.update(other.d, new TicketChanges(null, null, null, null, other.lead.userId(), false, other.secondLine, null), other.lead);
        jdbc.sql("INSERT INTO report_change (support_month, organisation_id) VALUES (?, ?)") // and one pair recomputed whole
                .params(ReportsContract.NOVEMBER.toString(), desk.org.value()).update();
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT organisation_id) FROM report_change").query(Long.class).single()).isEqualTo(2);
        assertThat(cells.aggregate()).as("pairs taken").isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM report_change").query(Long.class).single()).isZero();

        String figures = "SUM(tickets), SUM(fr_met), SUM(fr_breached), SUM(res_met), SUM(res_breached), SUM(paused_tickets), "
                + "SUM(paused_total), SUM(reopened)";
        List<String> everyOrganisation = jdbc.sql("SELECT dimension, support_month, group_key, " + figures
                + " FROM report_cell WHERE organisation_id = 0 GROUP BY dimension, support_month, group_key ORDER BY 1, 2, 3")
                .query((rs, n) -> row(rs)).list();
        List<String> sumOfEach = jdbc.sql("SELECT dimension, support_month, group_key, " + figures
                + " FROM report_cell WHERE organisation_id <> 0 GROUP BY dimension, support_month, group_key ORDER BY 1, 2, 3")
                .query((rs, n) -> row(rs)).list();
        assertThat(everyOrganisation).isNotEmpty().isEqualTo(sumOfEach);
        assertThat(everyOrganisation).anyMatch(row -> row.startsWith("PRIORITY|" + ReportsContract.NOVEMBER + "|URGENT|"));

        List<String> followed = jdbc.sql("SELECT * FROM report_cell WHERE organisation_id IN (0, ?, ?) ORDER BY dimension, "
                + "support_month, organisation_id, group_key").params(desk.org.value(), other.org.value()).query((rs, n) -> row(rs)).list();
        jdbc.sql("INSERT INTO report_change (support_month, organisation_id) SELECT DISTINCT support_month, organisation_id FROM report_ticket")
                .update();
        cells.aggregate(); // every pair recomputed whole
        assertThat(jdbc.sql("SELECT * FROM report_cell WHERE organisation_id IN (0, ?, ?) ORDER BY dimension, "
                + "support_month, organisation_id, group_key").params(desk.org.value(), other.org.value()).query((rs, n) -> row(rs)).list())
                .isEqualTo(followed);
    }

    /** Every cell of the read model, the fixture's organisation's and every organisation's, as text. */
    List<String> cellRows() {
        return jdbc.sql("SELECT * FROM report_cell WHERE organisation_id IN (0, ?) ORDER BY dimension, support_month, organisation_id, group_key")
                .param(desk.org.value()).query((rs, n) -> row(rs)).list();
    }

    @Test
    void aTicketOpenedAndChangedInOneTransactionIsReportedAsItEnds() {
        org.atende.tickets.TicketId opened = new org.springframework.transaction.support.TransactionTemplate(transactions).execute(tx -> {
            org.atende.tickets.TicketView t = tickets.open(new org.atende.tickets.OpenTicket(desk.org, null, org.atende.tickets.Channel.API,
                    "Subject", "It does not work", null, null, null, java.util.Set.of(), null), desk.lead);
            tickets.reply(t.id(), org.atende.tickets.Reply.publicly("Looking"), desk.lead); // stops the first-response clock
            tickets.update(t.id(), TicketChanges.priority(org.atende.tickets.Priority.URGENT), desk.lead);
            return t.id();
        });
        List<String> live = readModel();
        assertThat(live).anyMatch(row -> row.startsWith("ticket " + opened.value() + "|") && row.contains("|URGENT|") && row.contains("|MET|"));

        rebuild.request("a test");
        rebuild.runRequested(l -> { });
        assertThat(readModel()).isEqualTo(live);
    }

    @Test
    void severalTicketsChangedInOneTransactionAreWrittenTogetherAsARebuildWouldWriteThem() {
        List<String> before = readModel();
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(tx -> {
            tickets.update(desk.a, TicketChanges.priority(org.atende.tickets.Priority.URGENT), desk.lead);
            tickets.update(desk.b, TicketChanges.status(TicketStatus.OPEN), desk.lead); // reopened: a cause and a flow row more
            tickets.update(desk.f, TicketChanges.status(TicketStatus.OPEN), desk.lead); // the customer's wait ends
            tickets.update(desk.d, new TicketChanges(null, null, null, null, desk.lead.userId(), false, desk.secondLine, null), desk.lead);
        });
        List<String> live = readModel();
        assertThat(live).isNotEqualTo(before);
        assertThat(live).anyMatch(row -> row.startsWith("ticket " + desk.a.value() + "|") && row.contains("|URGENT|"));
        assertThat(live).anyMatch(row -> row.startsWith("cause " + desk.b.value() + "|") && row.contains("REOPENED"));

        rebuild.request("a test");
        rebuild.runRequested(l -> { });
        assertThat(readModel()).isEqualTo(live);
    }

    @Test
    void aTicketChangedWhileTheRebuildRunsEndsAsTheDeskHoldsIt() throws Exception {
        rebuild.request("a test");
        CompletableFuture<Boolean> running = CompletableFuture.supplyAsync(() -> rebuild.runRequested(l -> { }));
        for (int i = 0; i < 5; i++) { // F goes back and forth while the rebuild passes over it
            tickets.update(desk.f, TicketChanges.status(i % 2 == 0 ? TicketStatus.OPEN : TicketStatus.WAITING_ON_CUSTOMER), desk.lead);
        }
        assertThat(running.get()).isTrue();
        List<String> afterRace = readModel();
        rebuild.request("after");
        rebuild.runRequested(l -> { });
        assertThat(readModel()).as("a quiet rebuild finds nothing to correct").isEqualTo(afterRace);
    }

    @Test
    void mailsTheChosenOrganisationsReportOnceOnTheFirstWorkingDayWithThePdf() {
        jdbc.sql("UPDATE contact SET email = ? WHERE organisation_id = ?").params("ana@rebuilt.example", desk.org.value()).update();
        mailing.choose(desk.org, true, desk.lead.userId());
        // 1 December 2026 is a holiday in Portugal: the first working day is Wednesday the 2nd, open from 09:00
        assertThat(mailing.firstWorkingDay(YearMonth.of(2026, 12))).isEqualTo(java.time.LocalDate.of(2026, 12, 2));
        MovingTime.CLOCK.set("2026-12-01T10:00:00Z");
        assertThat(mailing.runOnce()).as("a holiday").isZero();
        MovingTime.CLOCK.set("2026-12-02T08:30:00Z");
        assertThat(mailing.runOnce()).as("before the desk opens").isZero();
        MovingTime.CLOCK.set("2026-12-02T09:05:00Z");
        assertThat(mailing.runOnce()).isEqualTo(1);
        assertThat(mailing.runOnce()).as("once, whoever looks again").isZero();

        var mails = jdbc.sql("SELECT id, recipient, subject, body FROM outgoing_message WHERE recipient = 'ana@rebuilt.example'")
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m.get(2)).startsWith("Relatório mensal de suporte de Rebuilt").contains("novembro 2026");
            assertThat(m.get(3)).contains("https://desk.example/portal/reports/2026-11");
        });
        byte[] pdf = jdbc.sql("SELECT content FROM outgoing_attachment WHERE outgoing_id = ?").param(Long.parseLong(mails.getFirst().get(0)))
                .query((rs, n) -> rs.getBytes(1)).single();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(mailing.lastSent()).containsEntry(desk.org.value(), "2026-11");
    }
}
