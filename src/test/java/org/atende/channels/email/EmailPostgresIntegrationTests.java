package org.atende.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.atende.customers.ContactSummary;
import org.atende.customers.Language;
import org.atende.support.PostgresSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** On PostgreSQL, where readers and senders on several instances really run at once. */
@DirtiesContext
@org.springframework.test.context.TestPropertySource(properties = "atende.email.intake-threads=4")
class EmailPostgresIntegrationTests extends EmailTestSupport {

    @RegisterExtension
    static final PostgresSchema schema = PostgresSchema.createFor(EmailPostgresIntegrationTests.class);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        schema.registerDataSource(registry);
    }

    @Test
    void runsOnPostgres() {
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
    }

    @Test
    void oneMailTakenInByEightReadersAtOnceMakesOneTicket() throws Exception {
        String domain = domain();
        ContactSummary ana = customer(domain, "Ana Silva", Language.PT);
        byte[] raw = plain(ana.email(), "Oito leitores", "eight@" + domain, "", "Uma vez.").replace("\n", "\r\n")
                .getBytes(StandardCharsets.UTF_8);
        var start = new CountDownLatch(1);
        List<Future<InboundOutcome>> outcomes = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return inbound.accept("support", raw, null);
                }));
            }
            start.countDown();
            int opened = 0;
            int duplicates = 0;
            for (Future<InboundOutcome> o : outcomes) {
                switch (o.get().kind()) {
                    case TICKET_OPENED -> opened++;
                    case DUPLICATE -> duplicates++;
                    default -> throw new AssertionError(o.get());
                }
            }
            assertThat(opened).isEqualTo(1);
            assertThat(duplicates).isEqualTo(7);
        }
        assertThat(count("SELECT COUNT(*) FROM ticket WHERE subject = 'Oito leitores'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM outgoing_message WHERE recipient = ?", ana.email())).as("one acknowledgement").isEqualTo(1);
    }

    @Test
    void twoDispatchersSendEveryQueuedMailOnce() throws Exception {
        dispatch.runOnce();
        String domain = domain();
        ContactSummary ana = customer(domain, "Ana Silva", Language.EN);
        for (int i = 0; i < 3; i++) { // three acknowledgements an hour at most: three mails to send
            deliver(plain(ana.email(), "Parallel " + i, "par" + i + "@" + domain, "", "Hello."));
        }
        poll();
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(2)) {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return dispatch.runOnce().sent();
                }));
            }
            start.countDown();
            assertThat(sent.get(0).get() + sent.get(1).get()).isEqualTo(3);
        }
        assertThat(sentTo(ana.email())).hasSize(3);
    }

    @Test
    void aBurstFromManySendersIsTakenInOnLanesEachMailOnceAndEachThreadInOrder() throws Exception {
        String domain = domain();
        List<ContactSummary> people = new ArrayList<>();
        ContactSummary first = customer(domain, "Pessoa Zero", Language.PT);
        people.add(first);
        for (int i = 1; i < 6; i++) {
            people.add(customers.createContact(first.organisationId(),
                    new org.atende.customers.ContactDraft("Pessoa " + i, "p" + i + "@" + domain, null, Language.PT)));
        }
        for (int round = 0; round < 4; round++) { // each person's new mail, then three replies each to the one before
            for (int p = 0; p < people.size(); p++) {
                String id = "burst" + p + "." + round + "@" + domain;
                String parent = round == 0 ? "" : "In-Reply-To: <burst" + p + "." + (round - 1) + "@" + domain + ">";
                deliver(plain(people.get(p).email(), round == 0 ? "Rajada " + p : "Re: Rajada " + p, id, parent, "Mensagem " + round + "."));
            }
        }
        for (int i = 0; i < 4; i++) { // no readable sender: four lanes making the triage contact at once
            deliver(plain("=?utf-8?q?ningu=C3=A9m?=", "Sem remetente " + i, "nobody" + i + "@" + domain, "", "Quem?"));
        }

        MailboxPoller.Result r = poll();

        assertThat(r.read()).isEqualTo(28);
        assertThat(r.failed()).isZero();
        for (ContactSummary person : people) {
            List<Long> ticketsOf = jdbc.sql("SELECT id FROM ticket WHERE requester_contact_id = ?").param(person.id().value())
                    .query(Long.class).list();
            assertThat(ticketsOf).as(person.email()).hasSize(1);
            assertThat(tickets.messagesOf(new org.atende.tickets.TicketId(ticketsOf.getFirst()))).extracting(m -> m.body())
                    .containsExactly("Mensagem 0.", "Mensagem 1.", "Mensagem 2.", "Mensagem 3.");
        }
        assertThat(count("SELECT COUNT(*) FROM ticket t JOIN contact c ON c.id = t.requester_contact_id WHERE c.email = ? AND t.subject LIKE 'Sem remetente %'",
                SenderDirectory.UNIDENTIFIED)).isEqualTo(4);
        var inbox = mail.getManagers().getImapHostManager().getInbox(supportBox);
        assertThat(inbox.getMessages()).allSatisfy(m -> assertThat(m.getFlags().contains(jakarta.mail.Flags.Flag.SEEN)).isTrue());
        MailboxPoller.Result again = poll();
        assertThat(again.read() + again.duplicates() + again.failed()).as("all flagged").isZero();
    }
}
