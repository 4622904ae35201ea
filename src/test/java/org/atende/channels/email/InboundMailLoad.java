package org.atende.channels.email;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;

import org.atende.AtendeApplication;
import org.atende.customers.ContactDraft;
import org.atende.customers.ContactSummary;
import org.atende.customers.Customers;
import org.atende.customers.Language;
import org.atende.customers.OrganisationDraft;
import org.atende.customers.PlanDraft;
import org.atende.sla.SlaPolicies;
import org.atende.support.StatementCount;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Inbound throughput: 1,000 mixed mails (new tickets, replies threaded by header, tag and marker,
 * automated mail, and the awkward corpus) put in an IMAP mailbox (GreenMail, in this process), then read
 * by the desk on a scratch PostgreSQL database until every one is committed. Prints mails per second from
 * the mailbox to committed tickets. Run with {@code mvn -Pmail-load test-compile exec:exec}.
 */
public final class InboundMailLoad {

    private static final String DB = "atende_mail_bench";
    private static final int MAILS = Integer.getInteger("mails", 1000);

    public static void main(String[] args) throws Exception {
        String server = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DB);
            s.execute("CREATE DATABASE " + DB);
        }
        int imap = freePort();
        GreenMail mail = new GreenMail(new ServerSetup[] {new ServerSetup(imap, "127.0.0.1", "imap")});
        mail.start();
        GreenMailUser box = mail.setUser("support@atende.test", "support@atende.test", "secret");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AtendeApplication.class).run(Stream.of(
                "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + DB, "spring.datasource.username=postgres",
                "spring.datasource.password=", "server.port=0", "atende.email.address=support@atende.test",
                "atende.email.polling-enabled=false", "atende.notifications.dispatch-enabled=false",
                "atende.sla.sweep-enabled=false", "atende.email.acknowledgements-per-hour=1000000",
                "atende.email.mailboxes[0].host=127.0.0.1", "atende.email.mailboxes[0].port=" + imap,
                "atende.email.mailboxes[0].tls=false", "atende.email.mailboxes[0].username=support@atende.test",
                "atende.email.mailboxes[0].password=secret", "logging.level.root=WARN",
                "atende.email.intake-threads=" + Integer.getInteger("threads", 1)).map(p -> "--" + p).toArray(String[]::new))) {
            List<ContactSummary> contacts = seed(app.getBean(Customers.class), app.getBean(SlaPolicies.class));
            StatementCount statements = new StatementCount(app.getBean(JdbcClient.class));
            Session session = Session.getInstance(new Properties());
            for (byte[] raw : mails(contacts)) {
                box.deliver(new MimeMessage(session, new ByteArrayInputStream(raw)));
            }
            MailboxPoller poller = app.getBean(MailboxPoller.class);
            EmailProperties.Mailbox mailbox = app.getBean(EmailProperties.class).mailboxes().getFirst();
            poller.poll(mailbox); // a first batch warms the JVM, the pools and the caches up
            for (byte[] raw : mails(contacts)) {
                box.deliver(new MimeMessage(session, new ByteArrayInputStream(raw)));
            }
            statements.start();
            long start = System.nanoTime();
            MailboxPoller.Result r = poller.poll(mailbox); // the measured batch: mailbox to committed tickets
            double seconds = (System.nanoTime() - start) / 1e9;
            statements.printCpu(MAILS, "mail");
            statements.print(MAILS, "mail");
            int read = r.read() + r.duplicates();
            InboundMail inbound = app.getBean(InboundMail.class);
            long direct = System.nanoTime();
            for (byte[] raw : mails(contacts)) {
                inbound.accept("direct", raw, null);
            }
            double directSeconds = (System.nanoTime() - direct) / 1e9;
            System.out.printf(Locale.ROOT, "without IMAP: %d mails in %.2f s, %.1f mails/s%n", MAILS, directSeconds, MAILS / directSeconds);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long tickets = jdbc.sql("SELECT COUNT(*) FROM ticket").query(Long.class).single();
            System.out.printf(Locale.ROOT, "mails=%d read=%d failed=%d seconds=%.2f throughput=%.1f mails/s tickets=%d%n",
                    MAILS, read, r.failed(), seconds, read / seconds, tickets);
        } finally {
            mail.stop();
        }
    }

    private static List<ContactSummary> seed(Customers customers, SlaPolicies policies) {
        long policy = policies.list().getFirst().id();
        var plan = customers.createPlan(new PlanDraft("Bench", policy, "MEDIUM"));
        var org = customers.createOrganisation(new OrganisationDraft("Bench Org", plan.id(), Language.PT, null, List.of("bench.example")));
        List<ContactSummary> contacts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            contacts.add(customers.createContact(org.id(), new ContactDraft("Person " + i, "p" + i + "@bench.example", null,
                    Language.values()[i % 3])));
        }
        return contacts;
    }

    private static int run;

    /** 60 % new tickets, 25 % replies to earlier ones, 10 % awkward corpus mail, 5 % automated. */
    private static List<byte[]> mails(List<ContactSummary> contacts) throws IOException {
        run++;
        List<byte[]> out = new ArrayList<>();
        List<String> corpus = List.of("03-alternative-prefers-html.eml", "04-related-inline-image.eml", "05-rfc2231-filename.eml",
                "08-declared-utf8-is-latin1.eml", "14-encoded-words-split.eml", "15-forward-as-attachment.eml",
                "27-hostile-html.eml", "28-gmail-reply.eml", "29-outlook-reply.eml", "42-nested-multiparts.eml");
        for (int i = 0; i < MAILS; i++) {
            ContactSummary c = contacts.get(i % contacts.size());
            String id = "run" + run + ".m" + i + "@bench.example";
            int kind = i % 20;
            String raw;
            if (kind < 12 || i < 40) {
                raw = plain(c.email(), "Pedido " + i, id, "", "Olá, preciso de ajuda com o pedido " + i + ".\nObrigado.");
            } else if (kind < 17) {
                String earlier = "run" + run + ".m" + (i - 20) + "@bench.example";
                raw = plain(c.email(), "Re: Pedido " + (i - 20), id, "In-Reply-To: <" + earlier + ">",
                        "Mais informação.\n\nOn Mon, someone wrote:\n> Olá");
            } else if (kind < 19) {
                String name = corpus.get(i % corpus.size());
                String text = new String(resource(name), StandardCharsets.UTF_8).replaceFirst("(?m)^Message-ID: .*$",
                        "Message-ID: <" + id + ">").replaceFirst("(?m)^From: .*$", "From: " + c.email());
                raw = text;
            } else {
                raw = plain("noreply@monitor.example", "Alert " + i, id, "Auto-Submitted: auto-generated", "CPU high.");
            }
            out.add(raw.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String plain(String from, String subject, String id, String extra, String body) {
        return "From: " + from + "\nTo: support@atende.test\nSubject: " + subject + "\nMessage-ID: <" + id + ">\n"
                + (extra.isEmpty() ? "" : extra + "\n") + "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n" + body + "\n";
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = InboundMailLoad.class.getResourceAsStream("/mail/corpus/" + name)) {
            return Objects.requireNonNull(in, name).readAllBytes();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
