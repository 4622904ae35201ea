package org.atende.tickets;

import org.atende.support.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The ticket rules on PostgreSQL, and what only a real server shows: many clients at once. */
@DirtiesContext
class TicketsPostgresIntegrationTests extends TicketsContract {

    @org.junit.jupiter.api.Test
    void numbersEveryTicketOnceWhenThirtyTwoArriveAtOnce() throws Exception {
        int clients = 32;
        var start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(clients)) {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<TicketView>>();
            for (int i = 0; i < clients; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return openAsAna("at once " + n);
                }));
            }
            start.countDown();
            var numbers = new java.util.HashSet<Long>();
            for (var f : futures) {
                numbers.add(f.get().number());
            }
            org.assertj.core.api.Assertions.assertThat(numbers).hasSize(clients);
        }
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("SELECT COUNT(*) FROM ticket WHERE subject LIKE 'at once %'")
                .query(Long.class).single()).isEqualTo(clients);
    }

    @org.springframework.beans.factory.annotation.Autowired javax.sql.DataSource dataSource;

    /**
     * Runs {@code change} on the ticket's row in a transaction of its own and keeps the row locked until the customer's
     * message, written meanwhile on another thread, waits on it; then commits, and answers how the message ended.
     */
    private java.util.concurrent.Future<MessageView> replyWhileChanging(TicketId ticket, String change) throws Exception {
        try (var holder = dataSource.getConnection(); var pool = java.util.concurrent.Executors.newSingleThreadExecutor()) {
            holder.setAutoCommit(false);
            try (var update = holder.prepareStatement(change)) {
                update.setLong(1, ticket.value());
                org.assertj.core.api.Assertions.assertThat(update.executeUpdate()).isEqualTo(1);
            }
            var reply = pool.submit(() -> tickets.reply(ticket, Reply.publicly("Still failing after the update"), ana));
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
            while (jdbc.sql("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' "
                    + "AND query LIKE 'UPDATE ticket SET status%'")
                    .query(Long.class).single() == 0) {
                org.assertj.core.api.Assertions.assertThat(reply.isDone()).as("the message waits on the held row").isFalse();
                org.assertj.core.api.Assertions.assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(10);
            }
            holder.commit();
            try {
                reply.get();
            } catch (java.util.concurrent.ExecutionException e) {
                // the caller looks at the outcome
            }
            return reply;
        }
    }

    @org.junit.jupiter.api.Test
    void keepsACustomersMessageWhenTheTicketChangedElsewhereWhileItWasWritten() throws Exception {
        TicketView t = openAsAna("Changed meanwhile");
        int version = jdbc.sql("SELECT version FROM ticket WHERE id = ?").param(t.id().value()).query(Integer.class).single();

        var reply = replyWhileChanging(t.id(), "UPDATE ticket SET subject = subject || ' (renamed)', version = version + 1 WHERE id = ?");

        org.assertj.core.api.Assertions.assertThat(reply.get().body()).isEqualTo("Still failing after the update");
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("SELECT subject || '|' || version FROM ticket WHERE id = ?")
                .param(t.id().value()).query(String.class).single()).isEqualTo("Changed meanwhile (renamed)|" + (version + 2));
    }

    @org.junit.jupiter.api.Test
    void refusesACustomersMessageWhenTheTicketsStatusChangedWhileItWasWritten() throws Exception {
        TicketView t = openAsAna("Resolved meanwhile");

        var reply = replyWhileChanging(t.id(), "UPDATE ticket SET status = 'RESOLVED', resolved_at = now(), version = version + 1 WHERE id = ?");

        org.assertj.core.api.Assertions.assertThatThrownBy(reply::get)
                .hasCauseInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("SELECT COUNT(*) FROM message WHERE ticket_id = ? AND body = ?")
                .params(t.id().value(), "Still failing after the update").query(Long.class).single()).as("nothing of it kept").isZero();
    }

    @org.springframework.beans.factory.annotation.Autowired org.springframework.transaction.PlatformTransactionManager transactionManager;

    @org.junit.jupiter.api.Test
    void writesANewTicketsRowOnceWithTheFirstDueTimeOfItsClocks() {
        // every write of a ticket row noted, by a trigger of this test's own
        jdbc.sql("CREATE TABLE ticket_write (ticket_id BIGINT, operation TEXT)").update();
        jdbc.sql("""
                CREATE FUNCTION note_ticket_write() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN INSERT INTO ticket_write VALUES (NEW.id, TG_OP); RETURN NEW; END $$""").update();
        jdbc.sql("CREATE TRIGGER ticket_written AFTER INSERT OR UPDATE ON ticket FOR EACH ROW EXECUTE FUNCTION note_ticket_write()").update();
        try {
            java.util.List<String> written = new org.springframework.transaction.support.TransactionTemplate(transactionManager).execute(tx -> {
                TicketView t = openAsAna("Written once");
                // read before the commit: what the ticket's own transaction wrote, not what routing does after it
                return jdbc.sql("SELECT operation FROM ticket_write WHERE ticket_id = ?").param(t.id().value()).query(String.class).list();
            });

            org.assertj.core.api.Assertions.assertThat(written).containsExactly("INSERT");
            org.assertj.core.api.Assertions.assertThat(jdbc.sql("""
                    SELECT COUNT(*) FROM ticket t WHERE subject = 'Written once'
                    AND next_due_at = (SELECT MIN(due_at) FROM sla_clock c WHERE c.ticket_id = t.id)""").query(Long.class).single()).isEqualTo(1);
        } finally {
            jdbc.sql("DROP TRIGGER ticket_written ON ticket").update();
            jdbc.sql("DROP FUNCTION note_ticket_write()").update();
            jdbc.sql("DROP TABLE ticket_write").update();
        }
    }

    @RegisterExtension
    static final PostgresSchema schema = PostgresSchema.createFor(TicketsPostgresIntegrationTests.class);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        schema.registerDataSource(registry);
    }
}
