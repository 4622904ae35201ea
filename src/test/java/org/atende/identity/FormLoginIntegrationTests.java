package org.atende.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.atende.support.Api;
import org.atende.support.ApiIntegrationSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Outside the API: form login with CSRF, HTTP sessions kept in the database, and the way a signed-in
 * administrator gets its first API token.
 */
class FormLoginIntegrationTests extends ApiIntegrationSupport {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    Browser browser;

    @org.springframework.beans.factory.annotation.Autowired
    org.atende.identity.internal.RecentActors recentActors;

    @BeforeEach
    void aFreshBrowser() {
        browser = new Browser(port);
    }

    @Test
    void showsTheLoginPageToAnyone() throws Exception {
        HttpResponse<String> page = browser.get("/login");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"_csrf\"");
    }

    @Test
    void sendsAnonymousVisitorsOfPagesToTheLoginPage() throws Exception {
        HttpResponse<String> page = browser.get("/account/csrf");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void keepsTheSessionOfASignedInUserInTheDatabase() throws Exception {
        HttpResponse<String> signIn = browser.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);

        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?").param(ADMIN_EMAIL)
                .query(Long.class).single()).isPositive();
        assertThat(browser.get("/account/csrf").statusCode()).isEqualTo(200);
    }

    @Test
    void pagesRequestedWithinAMinuteOfEachOtherDoNotWriteTheSessionAgain() throws Exception {
        browser.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(browser.get("/account/csrf").statusCode()).isEqualTo(200);
        List<Long> before = lastAccesses();
        for (int i = 0; i < 3; i++) {
            assertThat(browser.get("/account/csrf").statusCode()).isEqualTo(200);
        }
        assertThat(lastAccesses()).as("the session row's last access, as stored").isEqualTo(before).isNotEmpty();
        jdbc.sql("UPDATE spring_session SET last_access_time = last_access_time - 61000, expiry_time = expiry_time - 61000 "
                + "WHERE principal_name = ?").param(ADMIN_EMAIL).update();
        List<Long> aMinuteEarlier = lastAccesses();
        assertThat(browser.get("/account/csrf").statusCode()).isEqualTo(200);
        assertThat(lastAccesses()).as("a minute later the request moves it").isNotEqualTo(aMinuteEarlier);
    }

    @Test
    void aSignedInUserIsReadAtMostEveryFewSecondsAndAChangeMadeThroughTheDeskAppliesAtOnce() throws Exception {
        browser.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        String name = jdbc.sql("SELECT name FROM app_user WHERE email = ?").param(ADMIN_EMAIL).query(String.class).single();
        assertThat(signedInAs()).isEqualTo(name);
        try {
            jdbc.sql("UPDATE app_user SET name = 'Renamed Behind The Desk' WHERE email = ?").param(ADMIN_EMAIL).update();
            assertThat(signedInAs()).as("the header's actor, as read a moment ago").isEqualTo(name);
            recentActors.forgetAll(); // stands for the few seconds passing, or for a change made through the desk
            assertThat(signedInAs()).isEqualTo("Renamed Behind The Desk");
        } finally {
            jdbc.sql("UPDATE app_user SET name = ? WHERE email = ?").params(name, ADMIN_EMAIL).update();
            recentActors.forgetAll();
        }
    }

    /** The name in the page header's account link: the request's actor. */
    private String signedInAs() throws Exception {
        Matcher m = Pattern.compile("<a href=\"/account\">([^<]*)</a>").matcher(browser.get("/account").body());
        assertThat(m.find()).as("the header's account link").isTrue();
        return m.group(1);
    }

    private List<Long> lastAccesses() {
        return jdbc.sql("SELECT last_access_time FROM spring_session WHERE principal_name = ? ORDER BY primary_id").param(ADMIN_EMAIL)
                .query(Long.class).list();
    }

    @Test
    void refusesAWrongPassword() throws Exception {
        HttpResponse<String> signIn = browser.signIn(ADMIN_EMAIL, "not the password at all");

        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    }

    @Test
    void refusesASignInWithoutTheCsrfToken() throws Exception {
        browser.get("/login");

        HttpResponse<String> signIn = browser.post("/login", "application/x-www-form-urlencoded",
                "username=" + URLEncoder.encode(ADMIN_EMAIL, StandardCharsets.UTF_8) + "&password=correct+horse+battery+staple");

        assertThat(signIn.statusCode()).isEqualTo(403);
    }

    @Test
    void letsASignedInAdministratorIssueItselfAnApiTokenWithTheCsrfToken() throws Exception {
        browser.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);

        HttpResponse<String> withoutCsrf = browser.post("/account/tokens", "application/json", "{\"name\":\"cli\"}");
        String csrf = Api.JSON.readTree(browser.get("/account/csrf").body()).path("token").asString();
        HttpResponse<String> withCsrf = browser.post("/account/tokens", "application/json", "{\"name\":\"cli\"}",
                "X-CSRF-TOKEN", csrf);

        assertThat(withoutCsrf.statusCode()).isEqualTo(403);
        assertThat(withCsrf.statusCode()).as(withCsrf.body()).isEqualTo(201);
        String secret = Api.JSON.readTree(withCsrf.body()).path("secret").asString();
        assertThat(api.get("/api/v1/me", secret).json().path("email").asString()).isEqualTo(ADMIN_EMAIL);
    }

    @Test
    void doesNotLetASessionCallTheApi() throws Exception {
        browser.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);

        assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
    }

    @Test
    void letsOnlyAdministratorsIssueThemselvesTokens() throws Exception {
        var agent = api.post("/api/v1/users", admin, Map.of("email", unique("agent") + "@vendor.example", "name", "Agent",
                "role", "AGENT", "password", "teal marmots hum quietly"));
        browser.signIn(agent.json().path("email").asString(), "teal marmots hum quietly");
        String csrf = Api.JSON.readTree(browser.get("/account/csrf").body()).path("token").asString();

        HttpResponse<String> issued = browser.post("/account/tokens", "application/json", "{\"name\":\"cli\"}",
                "X-CSRF-TOKEN", csrf);

        assertThat(issued.statusCode()).isEqualTo(403);
        assertThat(Api.JSON.readTree(issued.body()).path("type").asString()).endsWith("/forbidden");
    }

    /** A client that keeps cookies and does not follow redirects, like a browser seen one step at a time. */
    static final class Browser {

        private final String base;
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        Browser(int port) {
            this.base = "http://localhost:" + port;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String type, String body, String... headers)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .POST(BodyPublishers.ofString(body)).header("Content-Type", type).header("Accept", "application/json");
            if (headers.length > 0) {
                request.headers(headers);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> signIn(String email, String password) throws IOException, InterruptedException {
            Matcher csrf = CSRF_INPUT.matcher(get("/login").body());
            assertThat(csrf.find()).isTrue();
            return post("/login", "application/x-www-form-urlencoded", "username=" + encode(email) + "&password="
                    + encode(password) + "&_csrf=" + encode(csrf.group(1)));
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
