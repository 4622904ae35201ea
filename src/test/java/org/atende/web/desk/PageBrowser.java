package org.atende.web.desk;

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
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A client that keeps cookies, does not follow redirects and posts forms with the page's CSRF token. */
final class PageBrowser {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    PageBrowser(int port) {
        this.base = "http://localhost:" + port;
    }

    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET()
                .header("Accept", "text/html").header("Accept-Language", "en");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    HttpResponse<byte[]> download(String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts a form with the CSRF token of {@code page}, as the browser that showed it would. */
    HttpResponse<String> submit(String page, String action, Map<String, String> fields) {
        Matcher csrf = CSRF_INPUT.matcher(get(page).body());
        assertThat(csrf.find()).as("a CSRF token on " + page).isTrue();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf.group(1));
        return post(action, all);
    }

    HttpResponse<String> post(String action, Map<String, String> fields) {
        return post(action, List.copyOf(fields.entrySet()), "en");
    }

    /** Posts fields that may repeat a name (ticked checkboxes), with the CSRF token of {@code page}, in {@code language}. */
    HttpResponse<String> submitAll(String page, String action, List<Map.Entry<String, String>> fields, String language) {
        Matcher csrf = CSRF_INPUT.matcher(get(page).body());
        assertThat(csrf.find()).as("a CSRF token on " + page).isTrue();
        List<Map.Entry<String, String>> all = new java.util.ArrayList<>(fields);
        all.add(Map.entry("_csrf", csrf.group(1)));
        return post(action, all, language);
    }

    private HttpResponse<String> post(String action, List<Map.Entry<String, String>> fields, String language) {
        String body = fields.stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + action)).POST(BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .header("Accept-Language", language).build());
    }

    PageBrowser signIn(String email, String password) {
        Matcher csrf = CSRF_INPUT.matcher(get("/login").body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> answer = post("/login", Map.of("username", email, "password", password, "_csrf", csrf.group(1)));
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return this;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
