package org.atende.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.atende.channels.portal.PortalBrowser;
import org.atende.customers.Language;
import org.atende.identity.Identity;
import org.atende.identity.Role;
import org.atende.identity.UserDraft;
import org.atende.identity.UserSummary;
import org.atende.support.MovingTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;

/**
 * Password reset from the public pages to the mailbox and back, with a real SMTP server: the link works
 * once, within the hour, and the answer never tells whether an address has an account.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"atende.email.address=support@atende.test",
        "atende.email.polling-enabled=false", "atende.notifications.dispatch-enabled=false", "atende.sla.sweep-enabled=false",
        "atende.techservice.expiry-enabled=false", "atende.web.base-url=https://desk.example"})
class PasswordResetIntegrationTests extends EmailTestSupport {

    private static final Pattern LINK = Pattern.compile("https://desk\\.example/password-reset/([A-Za-z0-9_-]{43})");

    @LocalServerPort
    int port;

    @Autowired
    Identity identity;

    PortalBrowser browser;
    UserSummary ana;

    @BeforeEach
    void anAccount() {
        browser = new PortalBrowser(port);
        ana = identity.createUser(new UserDraft("ana." + UUID.randomUUID() + "@customer.example", "Ana", Role.AGENT, null,
                null, null, true, "mango tides beneath orion"));
        identity.speak(ana.id(), Language.ES);
    }

    HttpResponse<String> askForALink(String email) throws Exception {
        browser.get("/password-reset");
        return browser.post("/password-reset", Map.of("email", email));
    }

    List<MimeMessage> mailsTo(String address) throws Exception {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(RecipientType.TO)).anyMatch(a -> a.toString().contains(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    String tokenMailedTo(String address) throws Exception {
        dispatch.runOnce();
        List<MimeMessage> mails = mailsTo(address);
        assertThat(mails).hasSize(1);
        Matcher link = LINK.matcher((String) mails.getFirst().getContent());
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    @Test
    void mailsALinkThatSetsTheNewPasswordOnce() throws Exception {
        HttpResponse<String> asked = askForALink(ana.email().toUpperCase());
        dispatch.runOnce();
        MimeMessage sent = mailsTo(ana.email()).getFirst();
        Matcher link = LINK.matcher((String) sent.getContent());
        assertThat(link.find()).isTrue();
        String token = link.group(1);

        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("If the address belongs to an account");
        assertThat(sent.getSubject()).isEqualTo("Restablecer su contraseña de Atende");
        assertThat(header(sent, "Message-ID")).endsWith("@atende.test>");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM password_reset WHERE token_hash = ?").param(token).query(Long.class).single())
                .as("only the hash is stored").isZero();

        assertThat(browser.get("/password-reset/" + token).statusCode()).isEqualTo(200);
        HttpResponse<String> set = browser.post("/password-reset/" + token,
                Map.of("password", "a brand new cobalt lantern", "repeat", "a brand new cobalt lantern"));
        assertThat(set.statusCode()).isEqualTo(302);
        assertThat(set.headers().firstValue("Location").orElseThrow()).endsWith("/login?passwordSet");

        browser.signIn(ana.email(), "a brand new cobalt lantern");
        PortalBrowser other = new PortalBrowser(port);
        other.get("/password-reset/" + token);
        HttpResponse<String> again = other.post("/password-reset/" + token,
                Map.of("password", "someone else's password", "repeat", "someone else's password"));
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(other.get("/password-reset/" + token).statusCode()).isEqualTo(410);
    }

    @Test
    void answersTheSameForAnUnknownAddressAndSendsNothing() throws Exception {
        String unknown = "nobody." + UUID.randomUUID() + "@customer.example";
        HttpResponse<String> known = askForALink(ana.email());
        HttpResponse<String> notKnown = askForALink(unknown);
        dispatch.runOnce();

        assertThat(notKnown.statusCode()).isEqualTo(known.statusCode());
        assertThat(withoutTokens(notKnown.body())).isEqualTo(withoutTokens(known.body()));
        assertThat(mailsTo(unknown)).isEmpty();
        assertThat(mailsTo(ana.email())).hasSize(1);
    }

    /** The page without its CSRF tokens, which differ from one session to the next. */
    static String withoutTokens(String page) {
        return page.replaceAll("(value|content)=\"[A-Za-z0-9_-]{20,}\"", "");
    }

    @Test
    void refusesAnExpiredLink() throws Exception {
        askForALink(ana.email());
        String token = tokenMailedTo(ana.email());

        MovingTime.CLOCK.advance(Duration.ofMinutes(61));
        browser.get("/password-reset");
        HttpResponse<String> late = browser.post("/password-reset/" + token,
                Map.of("password", "too late a walrus ladder", "repeat", "too late a walrus ladder"));

        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(late.body()).contains("cannot be used");
    }

    @Test
    void sendsAtMostThreeLinksAnHour() throws Exception {
        for (int i = 0; i < 5; i++) {
            askForALink(ana.email());
        }
        dispatch.runOnce();

        assertThat(mailsTo(ana.email())).hasSize(3);
        MovingTime.CLOCK.advance(Duration.ofMinutes(61));
        askForALink(ana.email());
        dispatch.runOnce();
        assertThat(mailsTo(ana.email())).hasSize(4);
    }

    @Test
    void clearsTheLockoutAndRefusesAShortOrMismatchedPassword() throws Exception {
        jdbc.sql("UPDATE app_user SET failed_sign_ins = 9, locked_until = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now().plus(Duration.ofDays(1))), ana.id().value()).update();
        askForALink(ana.email());
        String token = tokenMailedTo(ana.email());
        browser.get("/password-reset/" + token);

        HttpResponse<String> shortOne = browser.post("/password-reset/" + token, Map.of("password", "short", "repeat", "short"));
        HttpResponse<String> mismatched = browser.post("/password-reset/" + token,
                Map.of("password", "plum orchard at dusk 27", "repeat", "violet kettle on the hill"));
        HttpResponse<String> set = browser.post("/password-reset/" + token,
                Map.of("password", "plum orchard at dusk 27", "repeat", "plum orchard at dusk 27"));

        assertThat(shortOne.body()).contains("12 to 128 characters");
        assertThat(mismatched.body()).contains("not the same");
        assertThat(set.statusCode()).isEqualTo(302);
        browser.signIn(ana.email(), "plum orchard at dusk 27");
    }
}
