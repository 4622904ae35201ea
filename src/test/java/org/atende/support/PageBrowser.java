package org.atende.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser for page tests over real HTTP: keeps cookies, follows no redirects, remembers the CSRF
 * token of the last page it got and sends it with the next form, as a browser submits a form of that page.
 */
public final class PageBrowser {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private String csrf = "";

    public PageBrowser(int port) {
        this.base = "http://localhost:" + port;
    }

    public HttpResponse<String> get(String path) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "en").GET().build());
        remember(page.body());
        return page;
    }

    /** Posts a form (the pairs name, value, name, value, …) with the CSRF token of the last page. */
    public HttpResponse<String> post(String path, String... pairs) {
        return post(path, false, pairs);
    }

    /** As {@link #post}, as htmx sends it (with {@code HX-Request}). */
    public HttpResponse<String> htmx(String path, String... pairs) {
        return post(path, true, pairs);
    }

    private HttpResponse<String> post(String path, boolean htmx, String... pairs) {
        List<String> fields = new ArrayList<>(List.of("_csrf", csrf));
        fields.addAll(List.of(pairs));
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(encode(fields.get(i))).append('=').append(encode(fields.get(i + 1)));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "en")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (htmx) {
            request.header("HX-Request", "true");
        }
        HttpResponse<String> answer = send(request.build());
        remember(answer.body());
        return answer;
    }

    /** Signs in on the login page; asserts it worked. */
    public PageBrowser signIn(String email, String password) {
        get("/login");
        HttpResponse<String> answer = post("/login", "username", email, "password", password);
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return this;
    }

    public static Map<String, String> none() {
        return Map.of();
    }

    private void remember(String body) {
        Matcher input = CSRF_INPUT.matcher(body);
        Matcher meta = CSRF_META.matcher(body);
        if (input.find()) {
            csrf = input.group(1);
        } else if (meta.find()) {
            csrf = meta.group(1);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
