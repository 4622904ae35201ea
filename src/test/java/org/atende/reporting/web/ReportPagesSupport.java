package org.atende.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.atende.customers.OrganisationId;
import org.atende.identity.Identity;
import org.atende.identity.Role;
import org.atende.identity.UserDraft;
import org.atende.support.H2Database;
import org.atende.support.MovingTime;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The report pages over real HTTP on H2, with the clock the November fixture moves
 * ({@code ReportFixture}); page tests and browser tests share this one context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "atende.sla.sweep-enabled=false")
@Import(MovingTime.class)
abstract class ReportPagesSupport {

    static final String PASSWORD = "reports are read by people";
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    Identity identity;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        H2Database.register(registry);
    }

    /** A user who signs in with {@link #PASSWORD}; returns the e-mail. */
    String user(Role role, @Nullable OrganisationId organisation) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID() + "@people.example";
        identity.createUser(new UserDraft(email, "Lia " + role.name().charAt(0) + role.name().substring(1).toLowerCase(), role,
                organisation, null, null, true, PASSWORD));
        return email;
    }

    String base() {
        return "http://localhost:" + port;
    }

    /** A client that keeps cookies and does not follow redirects. */
    final class Browser {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return get(path, "en");
        }

        HttpResponse<String> get(String path, String language) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "text/html")
                    .header("Accept-Language", language).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        Browser signIn(String email) throws IOException, InterruptedException {
            Matcher csrf = CSRF_INPUT.matcher(get("/login").body());
            assertThat(csrf.find()).isTrue();
            HttpResponse<String> signIn = client.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(email) + "&password=" + encode(PASSWORD)
                            + "&_csrf=" + encode(csrf.group(1))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
            return this;
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
