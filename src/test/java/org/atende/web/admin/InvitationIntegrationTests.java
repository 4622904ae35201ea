package org.atende.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.atende.customers.ContactDraft;
import org.atende.customers.ContactSummary;
import org.atende.customers.Customers;
import org.atende.customers.Language;
import org.atende.customers.OrganisationDraft;
import org.atende.customers.PlanDraft;
import org.atende.identity.Identity;
import org.atende.identity.Role;
import org.atende.identity.TokenDraft;
import org.atende.identity.UserDraft;
import org.atende.identity.UserSummary;
import org.atende.notifications.OutboxDispatch;
import org.atende.support.H2Database;
import org.atende.support.MovingTime;
import org.atende.support.PageBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * Invitations end to end: an administrator invites from the users page or the API, the mail leaves through
 * the outbox to a real SMTP server (GreenMail) in the invitee's language, and its link sets a password once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "atende.email.address=support@atende.test", "atende.email.polling-enabled=false",
        "atende.notifications.dispatch-enabled=false", "atende.sla.sweep-enabled=false", "atende.techservice.expiry-enabled=false",
        "atende.web.base-url=https://desk.example/"})
@Import(MovingTime.class)
class InvitationIntegrationTests {

    static final int SMTP_PORT = freePort();
    static final Pattern LINK = Pattern.compile("https://desk\\.example(/invitations/[A-Za-z0-9_-]{43})");
    static final String PASSWORD = "plum orchard at dusk 27";
    static GreenMail mail;

    @LocalServerPort int port;
    @Autowired Identity identity;
    @Autowired Customers customers;
    @Autowired OutboxDispatch dispatch;
    @Autowired JdbcClient jdbc;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        H2Database.register(registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @BeforeAll
    static void startSmtp() {
        mail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));
        mail.start();
    }

    @AfterAll
    static void stopSmtp() {
        mail.stop();
    }

    @BeforeEach
    void atAKnownTime() {
        MovingTime.CLOCK.set("2026-11-25T10:00:00Z");
    }

    @Test
    void sendsTheInvitationInTheContactsLanguageAndItsLinkSetsThePasswordOnce() throws Exception {
        UserSummary joana = customer(Language.ES);
        PageBrowser admin = admin();
        admin.get("/admin/users/" + joana.id().value());

        assertThat(admin.post("/admin/users/" + joana.id().value() + "/invitation").statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/users/" + joana.id().value()).body()).contains("link valid until");
        MimeMessage letter = delivered(joana.email());
        assertThat(letter.getSubject()).isEqualTo("Su acceso a Atende");
        String text = (String) letter.getContent();
        assertThat(text).contains("Hola, " + joana.name(), "caduca el 2 dic 2026");
        String link = link(text);

        PageBrowser invitee = new PageBrowser(port);
        assertThat(invitee.get(link).body()).contains(joana.email(), "name=\"newPassword\"", "name=\"repeatPassword\"");
        HttpResponse<String> different = invitee.post(link, "newPassword", PASSWORD, "repeatPassword", PASSWORD + "!");
        assertThat(different.statusCode()).isEqualTo(400);
        assertThat(different.body()).contains("The two passwords differ.");
        HttpResponse<String> shortOne = invitee.post(link, "newPassword", "short", "repeatPassword", "short");
        assertThat(shortOne.statusCode()).isEqualTo(400);
        assertThat(shortOne.body()).contains("12 to 128 characters");

        HttpResponse<String> set = invitee.post(link, "newPassword", PASSWORD, "repeatPassword", PASSWORD);
        assertThat(set.statusCode()).isEqualTo(302);
        assertThat(set.headers().firstValue("Location").orElseThrow()).endsWith("/login?passwordSet");
        new PageBrowser(port).signIn(joana.email(), PASSWORD);

        assertThat(invitee.get(link).statusCode()).isEqualTo(410);
        PageBrowser again = new PageBrowser(port);
        again.get("/login");
        assertThat(again.post(link, "newPassword", "violet kettle on the hill", "repeatPassword", "violet kettle on the hill").statusCode())
                .isEqualTo(410);
        new PageBrowser(port).signIn(joana.email(), PASSWORD);
    }

    @Test
    void writesInTheUsersOwnLanguageFirstAndInEnglishWithoutOne() throws Exception {
        UserSummary portuguese = staff(Language.PT);
        UserSummary english = staff(null);

        identity.invite(portuguese.id(), null);
        identity.invite(english.id(), null);

        assertThat(delivered(portuguese.email()).getSubject()).isEqualTo("O seu acesso ao Atende");
        MimeMessage inEnglish = delivered(english.email());
        assertThat(inEnglish.getSubject()).isEqualTo("Your access to Atende");
        assertThat((String) inEnglish.getContent()).contains("expires on 2 Dec 2026 10:00 (Lisbon time)");
    }

    @Test
    void keepsOnlyTheHashOfTheTokenAndRefusesAnExpiredLink() throws Exception {
        UserSummary user = staff(null);
        identity.invite(user.id(), null);
        String link = link((String) delivered(user.email()).getContent());
        String token = link.substring(link.lastIndexOf('/') + 1);

        String stored = jdbc.sql("SELECT token_hash FROM user_invitation WHERE user_id = ?").param(user.id().value())
                .query(String.class).single();
        assertThat(stored).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)))).doesNotContain(token);

        MovingTime.CLOCK.advance(Duration.ofDays(7).plusMinutes(1));
        assertThat(new PageBrowser(port).get(link).statusCode()).isEqualTo(410);
        assertThat(identity.acceptInvitation(token, PASSWORD)).isEmpty();
    }

    @Test
    void aNewInvitationSupersedesTheEarlierLink() throws Exception {
        UserSummary user = staff(null);
        identity.invite(user.id(), null);
        String first = link((String) delivered(user.email()).getContent());
        mail.purgeEmailFromAllMailboxes();
        identity.invite(user.id(), null);
        String second = link((String) delivered(user.email()).getContent());

        assertThat(new PageBrowser(port).get(first).statusCode()).isEqualTo(410);
        assertThat(new PageBrowser(port).get(second).statusCode()).isEqualTo(200);
    }

    @Test
    void invitesOverTheApiForAdministratorsOnly() throws Exception {
        UserSummary user = staff(null);
        String adminToken = identity.issueToken(adminUser().id(), new TokenDraft("t", null)).secret();
        String leadToken = identity.issueToken(staff(null, Role.LEAD).id(), new TokenDraft("t", null)).secret();

        assertThat(apiInvite(user, leadToken).statusCode()).isEqualTo(403);
        HttpResponse<String> sent = apiInvite(user, adminToken);

        assertThat(sent.statusCode()).isEqualTo(201);
        assertThat(sent.body()).contains("\"expiresAt\":\"2026-12-02T10:00:00Z\"").doesNotContain("invitations/");
        assertThat(link((String) delivered(user.email()).getContent())).startsWith("/invitations/");
    }

    private HttpResponse<String> apiInvite(UserSummary user, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/users/"
                + user.id().value() + "/invitation")).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private MimeMessage delivered(String address) throws Exception {
        dispatch.runOnce();
        List<MimeMessage> found = Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
        assertThat(found).as("mail to " + address).isNotEmpty();
        return found.getLast();
    }

    private static String link(String text) {
        Matcher m = LINK.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }

    private PageBrowser admin() {
        adminUser();
        return new PageBrowser(port).signIn("invite.admin@vendor.example", PASSWORD);
    }

    private UserSummary adminUser() {
        return identity.userByEmail("invite.admin@vendor.example").orElseGet(() -> identity.createUser(new UserDraft(
                "invite.admin@vendor.example", "Admin", Role.ADMIN, null, null, null, true, PASSWORD)));
    }

    private UserSummary customer(Language language) {
        long policy = jdbc.sql("SELECT id FROM sla_policy WHERE name = 'Standard support terms'").query(Long.class).single();
        var plan = customers.createPlan(new PlanDraft("Plan " + UUID.randomUUID(), policy, "MEDIUM"));
        var org = customers.createOrganisation(new OrganisationDraft("Org " + UUID.randomUUID(), plan.id(), language, null, List.of()));
        String email = "joana." + UUID.randomUUID().toString().substring(0, 8) + "@padaria.example";
        ContactSummary contact = customers.createContact(org.id(), new ContactDraft("Joana Silva", email, null, language));
        return identity.createUser(new UserDraft(email, "Joana Silva", Role.CUSTOMER, org.id(), contact.id(), null, true, null));
    }

    private UserSummary staff(Language language) {
        return staff(language, Role.AGENT);
    }

    private UserSummary staff(Language language, Role role) {
        String email = "staff." + UUID.randomUUID().toString().substring(0, 8) + "@vendor.example";
        UserSummary user = identity.createUser(new UserDraft(email, "Staff " + email, role, null, null, null, true, null));
        return language == null ? user : identity.speak(user.id(), language);
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
