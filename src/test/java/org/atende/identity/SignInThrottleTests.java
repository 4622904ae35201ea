package org.atende.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.atende.identity.FormLoginIntegrationTests.Browser;
import org.atende.support.ApiIntegrationSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Password guessing from one address slows down to the configured posts a minute. */
@TestPropertySource(properties = "atende.sign-in.attempts-per-minute=3")
class SignInThrottleTests extends ApiIntegrationSupport {

    @LocalServerPort
    int port;

    @Test
    void answersTooManyRequestsPastTheSignInPostsAnAddressMayMakeAMinute() throws Exception {
        Browser browser = new Browser(port);
        int[] statuses = new int[5];
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] = browser.signIn("nobody" + i + "@vendor.example", "not a password at all").statusCode();
        }

        assertThat(statuses).containsExactly(302, 302, 302, 429, 429);
        HttpResponse<String> refused = browser.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
        assertThat(refused.body()).contains("Too many sign-in attempts");
    }
}
