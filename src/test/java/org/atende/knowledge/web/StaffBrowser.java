package org.atende.knowledge.web;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;

/**
 * A client that keeps cookies, does not follow redirects and asks for pages in English, like a browser
 * seen one step at a time; form posts carry the CSRF token of the last page read.
 */
final class StaffBrowser {

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private String csrf = "";

    StaffBrowser(int port) {
        this.base = "http://localhost:" + port;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + path)).GET()
                .header("Accept", "text/html").header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
        var token = Jsoup.parse(page.body()).selectFirst("meta[name=csrf-token]");
        if (token == null) {
            token = Jsoup.parse(page.body()).selectFirst("input[name=_csrf]");
            if (token != null) {
                csrf = token.attr("value");
            }
        } else {
            csrf = token.attr("content");
        }
        return page;
    }

    /** A form post with the CSRF token, as the page's form (or htmx) sends it. */
    HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        String body = all.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).POST(BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
    }

    StaffBrowser signIn(String email, String password) throws IOException, InterruptedException {
        get("/login");
        HttpResponse<String> signedIn = post("/login", Map.of("username", email, "password", password));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return this;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
