package org.atende.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.atende.identity.FormLoginIntegrationTests.Browser;
import org.atende.support.ApiIntegrationSupport;
import org.atende.support.MovingTime;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** Five wrong passwords in a row lock an account for fifteen minutes; a right one in between starts again. */
@Import(MovingTime.class)
class SignInLockoutTests extends ApiIntegrationSupport {

    private static final String PASSWORD = "plum orchard at dusk 27";

    @LocalServerPort
    int port;

    @Test
    void locksAnAccountAfterFiveWrongPasswordsUntilTheLockoutEnds() throws Exception {
        String email = agent();
        Browser browser = new Browser(port);
        for (int i = 0; i < 5; i++) {
            assertThat(location(browser.signIn(email, "wrong password " + i))).endsWith("/login?error");
        }

        assertThat(location(browser.signIn(email, PASSWORD))).as("locked, even with the right password").endsWith("/login?error");
        MovingTime.CLOCK.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(location(browser.signIn(email, PASSWORD))).doesNotContain("error");
    }

    @Test
    void startsCountingAgainAfterASuccessfulSignIn() throws Exception {
        String email = agent();
        for (int i = 0; i < 4; i++) {
            new Browser(port).signIn(email, "wrong password " + i);
        }
        assertThat(location(new Browser(port).signIn(email, PASSWORD))).doesNotContain("error");
        for (int i = 0; i < 4; i++) {
            new Browser(port).signIn(email, "wrong password again " + i);
        }

        assertThat(location(new Browser(port).signIn(email, PASSWORD))).doesNotContain("error");
        assertThat(jdbc.sql("SELECT failed_sign_ins FROM app_user WHERE email = ?").param(email).query(Integer.class).single())
                .isZero();
    }

    @Test
    void rewritesAnOlderBcryptHashAsArgon2AtSignIn() throws Exception {
        String email = agent();
        jdbc.sql("UPDATE app_user SET password_hash = ? WHERE email = ?")
                .params("{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().encode(PASSWORD), email)
                .update();

        assertThat(location(new Browser(port).signIn(email, PASSWORD))).doesNotContain("error");
        assertThat(jdbc.sql("SELECT password_hash FROM app_user WHERE email = ?").param(email).query(String.class).single())
                .startsWith("{argon2}");
    }

    private String agent() {
        String email = unique("agent") + "@vendor.example";
        identity.createUser(new UserDraft(email, "Agent", Role.AGENT, null, null, null, true, PASSWORD));
        return email;
    }

    private static String location(java.net.http.HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("(no redirect: " + response.statusCode() + ")");
    }
}
