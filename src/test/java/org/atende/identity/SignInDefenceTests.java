package org.atende.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.atende.identity.FormLoginIntegrationTests.Browser;
import org.atende.support.ApiIntegrationSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** What a browser session gets at the door: the production cookie flags and security headers. */
@TestPropertySource(properties = "server.servlet.session.cookie.secure=true")
class SignInDefenceTests extends ApiIntegrationSupport {

    @LocalServerPort
    int port;

    @Test
    void setsTheSessionCookieSecureHttpOnlyAndSameSiteLax() throws Exception {
        HttpResponse<String> page = new Browser(port).get("/login");

        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("ATENDE_SESSION="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
    }

    @Test
    void forbidsInlineScriptsAndFramingOnEveryPage() throws Exception {
        HttpResponse<String> page = new Browser(port).get("/login");

        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-eval"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
}
