package org.atende.channels.email;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.atende.customers.ContactDraft;
import org.atende.customers.ContactSummary;
import org.atende.customers.Customers;
import org.atende.customers.Language;
import org.atende.customers.OrganisationDraft;
import org.atende.customers.OrganisationSummary;
import org.atende.customers.OverQuotaPolicy;
import org.atende.customers.PlanDraft;
import org.atende.notifications.OutboxDispatch;
import org.atende.support.H2Database;
import org.atende.support.MovingTime;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * The desk with its e-mail channel against a real SMTP and IMAP server (GreenMail) on fixed free ports,
 * so a test can stop the server and start it again. Polling and sending are driven by the tests.
 */
@SpringBootTest(properties = {"atende.email.address=support@atende.test", "atende.email.polling-enabled=false",
        "atende.notifications.dispatch-enabled=false", "atende.sla.sweep-enabled=false", "atende.techservice.expiry-enabled=false"})
@Import(MovingTime.class)
abstract class EmailTestSupport {

    static final String SUPPORT = "support@atende.test";
    static final int SMTP_PORT = freePort();
    static final int IMAP_PORT = freePort();
    static GreenMail mail;
    static GreenMailUser supportBox;

    @Autowired MailboxPoller poller;
    @Autowired InboundMail inbound;
    @Autowired OutboxDispatch dispatch;
    @Autowired org.atende.notifications.ChannelStatuses statuses;
    @Autowired Customers customers;
    @Autowired Tickets tickets;
    @Autowired JdbcClient jdbc;
    @Autowired EmailProperties properties;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        H2Database.register(registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("atende.email.mailboxes[0].host", () -> "127.0.0.1");
        registry.add("atende.email.mailboxes[0].port", () -> IMAP_PORT);
        registry.add("atende.email.mailboxes[0].tls", () -> "false");
        registry.add("atende.email.mailboxes[0].username", () -> SUPPORT);
        registry.add("atende.email.mailboxes[0].password", () -> "secret");
    }

    @BeforeAll
    static void startServers() {
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"),
                new ServerSetup(IMAP_PORT, "127.0.0.1", "imap")});
        mail.start();
        supportBox = mail.setUser(SUPPORT, SUPPORT, "secret");
    }

    @AfterAll
    static void stopServers() {
        mail.stop();
    }

    @BeforeEach
    void atAKnownTime() throws Exception {
        MovingTime.CLOCK.set("2026-11-25T10:00:00Z"); // a Wednesday, the desk open
        mail.purgeEmailFromAllMailboxes();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An organisation (with its e-mail domain) on an unlimited plan, and one contact there. */
    ContactSummary customer(String domain, String name, Language language) {
        return customer(domain, name, language, null, OverQuotaPolicy.ACCEPT_AND_FLAG);
    }

    ContactSummary customer(String domain, String name, Language language, Integer allowance, OverQuotaPolicy policy) {
        long policyId = jdbc.sql("SELECT id FROM sla_policy WHERE name = 'Standard support terms'").query(Long.class).single();
        var plan = customers.createPlan(new PlanDraft("Plan " + UUID.randomUUID(), policyId, "MEDIUM", allowance, policy));
        OrganisationSummary org = customers.createOrganisation(new OrganisationDraft("Org " + UUID.randomUUID(), plan.id(),
                language, null, List.of(domain)));
        String local = name.toLowerCase(java.util.Locale.ROOT).split(" ")[0];
        return customers.createContact(org.id(), new ContactDraft(name, local + "@" + domain, null, language));
    }

    static String domain() {
        return "c" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    }

    /** Puts a raw mail in the support mailbox, as an SMTP server would have. */
    void deliver(String raw) throws MessagingException {
        supportBox.deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8))));
    }

    /** Puts a mail in the support mailbox byte for byte (raw 8-bit headers, other charsets than UTF-8). */
    void deliver(byte[] raw) throws MessagingException {
        supportBox.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
    }

    static String plain(String from, String subject, String messageId, String extraHeaders, String body) {
        return "From: " + from + "\nTo: " + SUPPORT + "\nSubject: " + subject + "\nMessage-ID: <" + messageId + ">\n"
                + extraHeaders + (extraHeaders.isEmpty() || extraHeaders.endsWith("\n") ? "" : "\n")
                + "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n" + body + "\n";
    }

    MailboxPoller.Result poll() throws MessagingException {
        return poller.poll(properties.mailboxes().getFirst());
    }

    /** Mail the desk sent to an address, as that address's mailbox holds it. */
    List<MimeMessage> sentTo(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** The ticket an inbound mail went to. */
    TicketView ticketOfMail(String messageId) {
        long ticket = jdbc.sql("SELECT ticket_id FROM inbound_mail WHERE message_id = ?").param(messageId).query(Long.class).single();
        return tickets.lookup(new TicketId(ticket)).orElseThrow();
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    static String header(MimeMessage m, String name) throws MessagingException {
        String[] values = m.getHeader(name);
        return values == null ? null : values[0];
    }
}
