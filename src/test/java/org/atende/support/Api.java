package org.atende.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the API over real HTTP, as an app would call it: JSON in, JSON out. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A client of the desk at {@code base} ({@code http://127.0.0.1:8080}), e.g. behind a load balancer. */
    public Api(String base) {
        this.base = base;
    }

    /** An answer: status, headers and body (parsed when it is JSON). */
    public record Answer(int status, java.net.http.HttpHeaders headers, String body) {

        public JsonNode json() {
            return body.isEmpty() ? JSON.missingNode() : JSON.readTree(body);
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** The body's fields as a mutable map, without {@code except}: to send back what was read. */
        @SuppressWarnings("unchecked")
        public java.util.Map<String, Object> fields(String... except) {
            java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>(JSON.readValue(body, java.util.Map.class));
            for (String name : except) {
                fields.remove(name);
            }
            return fields;
        }

        public long id() {
            return json().path("id").asLong();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Answer get(String path, @Nullable String token) {
        return send("GET", path, token, null, null);
    }

    public Answer delete(String path, @Nullable String token) {
        return send("DELETE", path, token, null, null);
    }

    public Answer post(String path, @Nullable String token, Object body) {
        return send("POST", path, token, json(body), "application/json");
    }

    public Answer put(String path, @Nullable String token, Object body) {
        return send("PUT", path, token, json(body), "application/json");
    }

    /** Any method, any body (a string is sent as is), any content type. */
    public Answer send(String method, String path, @Nullable String token, @Nullable String body,
            @Nullable String contentType) {
        return exchange(method, path, token, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body),
                contentType);
    }

    /** A body of unknown length, sent chunked. */
    public Answer sendChunked(String method, String path, @Nullable String token, Supplier<InputStream> body) {
        return exchange(method, path, token, BodyPublishers.ofInputStream(body), "application/json");
    }

    public Answer exchange(String method, String path, @Nullable String token, BodyPublisher body,
            @Nullable String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .method(method, body).header("Accept", "application/json, application/problem+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object body) {
        return body instanceof String text ? text : JSON.writeValueAsString(body);
    }
}
