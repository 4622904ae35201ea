package org.atende.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.atende.support.Api.Answer;
import org.atende.support.ApiIntegrationSupport;
import org.atende.support.PageBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A password change ends every other session of the person and revokes nothing else silently: the account page
 * then lists the API tokens that still work, to revoke there. Wrong current passwords count toward the lockout;
 * guessable passwords are refused wherever a password is set, with the reason in the reader's language.
 */
class PasswordChangeIntegrationTests extends ApiIntegrationSupport {

    private static final String OLD = "plum orchard at dusk 27";
    private static final String NEW = "violet kettle on the hill";

    @LocalServerPort
    int port;

    @Test
    void endsEveryOtherSessionAndListsTheTokensThatStillWork() {
        long user = createUser("AGENT", null, null);
        String email = identity.user(new UserId(user)).orElseThrow().email();
        setPassword(user, OLD);
        String token = tokenFor(user);
        PageBrowser laptop = new PageBrowser(port).signIn(email, OLD);
        PageBrowser phone = new PageBrowser(port).signIn(email, OLD);
        assertThat(sessionsOf(email)).isEqualTo(2);

        laptop.get("/account");
        HttpResponse<String> changed = laptop.post("/account/password", "currentPassword", OLD, "newPassword", NEW);

        assertThat(changed.headers().firstValue("Location").orElse("")).endsWith("/account?passwordChanged");
        assertThat(phone.get("/account").statusCode()).as("the other session ended").isEqualTo(302);
        assertThat(sessionsOf(email)).isEqualTo(1);
        HttpResponse<String> account = laptop.get("/account?passwordChanged");
        assertThat(account.statusCode()).as("this session goes on").isEqualTo(200);
        assertThat(account.body()).contains("Your API tokens were not revoked", token.substring(0, 8));
        assertThat(api.get("/api/v1/me", token).status()).as("the token still works until revoked").isEqualTo(200);

        long tokenId = jdbc.sql("SELECT id FROM api_token WHERE user_id = ?").param(user).query(Long.class).single();
        laptop.post("/account/tokens/" + tokenId + "/revoke");
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
    }

    @Test
    void endsTheSessionsOfAPasswordSetByAnAdministrator() {
        long user = createUser("AGENT", null, null);
        String email = identity.user(new UserId(user)).orElseThrow().email();
        setPassword(user, OLD);
        PageBrowser browser = new PageBrowser(port).signIn(email, OLD);

        setPassword(user, NEW);

        assertThat(sessionsOf(email)).isZero();
        assertThat(browser.get("/account").statusCode()).isEqualTo(302);
    }

    @Test
    void countsWrongCurrentPasswordsTowardTheLockout() {
        long user = createUser("AGENT", null, null);
        String email = identity.user(new UserId(user)).orElseThrow().email();
        setPassword(user, OLD);
        PageBrowser thief = new PageBrowser(port).signIn(email, OLD);
        thief.get("/account");

        for (int i = 1; i < 5; i++) {
            HttpResponse<String> wrong = thief.post("/account/password", "currentPassword", "guess number " + i,
                    "newPassword", NEW);
            assertThat(wrong.body()).contains("The current password does not match.");
        }
        HttpResponse<String> fifth = thief.post("/account/password", "currentPassword", "guess number 5", "newPassword", NEW);

        assertThat(fifth.headers().firstValue("Location").orElse("")).endsWith("/login?locked");
        assertThat(jdbc.sql("SELECT locked_until IS NOT NULL FROM app_user WHERE id = ?").param(user).query(Boolean.class)
                .single()).isTrue();
        assertThat(thief.get("/account").statusCode()).as("signed out").isEqualTo(302);
        PageBrowser owner = new PageBrowser(port);
        owner.get("/login");
        HttpResponse<String> signIn = owner.post("/login", "username", email, "password", OLD);
        assertThat(signIn.headers().firstValue("Location").orElse("")).as("locked").contains("error");
    }

    @Test
    void refusesAGuessablePasswordOnTheAccountPageInTheUsersLanguage() {
        long user = createUser("AGENT", null, null);
        String email = identity.user(new UserId(user)).orElseThrow().email();
        setPassword(user, OLD);
        identity.speak(new UserId(user), org.atende.customers.Language.PT);
        PageBrowser browser = new PageBrowser(port).signIn(email, OLD);
        browser.get("/account");

        HttpResponse<String> refused = browser.post("/account/password", "currentPassword", OLD, "newPassword", "Password123!");

        assertThat(refused.body()).contains("demasiado fácil de adivinhar");
        new PageBrowser(port).signIn(email, OLD); // the old password still works
    }

    @Test
    void refusesAGuessablePasswordWhenAnAdministratorSetsOne() {
        Answer created = api.post("/api/v1/users", admin, Map.of("email", unique("weak") + "@people.example",
                "name", "Weak Password", "role", "AGENT", "password", "qwertyuiop12"));

        assertThat(created.status()).as(created.body()).isEqualTo(400);
        assertThat(created.json().path("type").asString()).endsWith("/validation");
        assertThat(created.json().path("errors").get(0).path("message").asString()).contains("too easy to guess");
    }

    @Test
    void refusesAGuessableBootstrapAdministratorPassword() {
        jdbc.sql("UPDATE app_user SET active = FALSE WHERE role = 'ADMIN'").update();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> identity.createFirstAdmin(unique("boot") + "@vendor.example",
                    "letmein12345")).isInstanceOf(IdentityDataException.class);
        } finally {
            jdbc.sql("UPDATE app_user SET active = TRUE WHERE role = 'ADMIN'").update();
        }
    }

    private void setPassword(long user, String password) {
        var summary = identity.user(new UserId(user)).orElseThrow();
        identity.updateUser(summary.id(), new UserDraft(summary.email(), summary.name(), summary.role(),
                summary.organisationId(), summary.contactId(), summary.teamId(), true, password));
    }

    private long sessionsOf(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?").param(email).query(Long.class).single();
    }
}
