package org.atende.channels.whatsapp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for the Graph API: takes messages at {@code POST /{version}/{phone-number-id}/messages}
 * and answers as told (a wamid, 429, 500, a Graph error), and serves media (metadata, then the bytes at
 * a URL pointing back to itself), everything only with the right Bearer token. Records every request.
 */
public final class FakeGraphApi implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A request as it came. */
    public record Request(String method, String path, @Nullable String authorization, @Nullable String contentType,
            @Nullable JsonNode json) {
    }

    private record Answer(int status, String body) {
    }

    private record StoredMedia(byte[] bytes, String mimeType) {
    }

    private final HttpServer server;
    private final String token;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final Map<String, StoredMedia> media = new ConcurrentHashMap<>();
    private final AtomicInteger wamids = new AtomicInteger();

    private FakeGraphApi(String token) throws IOException {
        this.token = token;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeGraphApi start(String token) {
        try {
            return new FakeGraphApi(token);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next message gets 200 with the wamid given. */
    public synchronized FakeGraphApi acceptAs(String wamid) {
        answers.add(new Answer(200, """
                {"messaging_product":"whatsapp","contacts":[{"input":"x","wa_id":"x"}],"messages":[{"id":"%s"}]}""".formatted(wamid)));
        return this;
    }

    /** The next message gets this status with an empty body (429, 500, 503…). */
    public synchronized FakeGraphApi answerStatus(int status) {
        answers.add(new Answer(status, ""));
        return this;
    }

    /** The next message gets a Graph error. */
    public synchronized FakeGraphApi answerError(int status, int code, String message, String details) {
        answers.add(new Answer(status, JSON.writeValueAsString(Map.of("error", Map.of("message", message, "type", "OAuthException",
                "code", code, "error_data", Map.of("messaging_product", "whatsapp", "details", details), "fbtrace_id", "Az8or2yhqkZfEZ-_4Qn_Bam")))));
        return this;
    }

    /** A media file inbound messages may name. */
    public FakeGraphApi serveMedia(String id, byte[] bytes, String mimeType) {
        media.put(id, new StoredMedia(bytes, mimeType));
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The messages sent (POSTs to the messages endpoint), in order. */
    public List<Request> messages() {
        return requests.stream().filter(r -> r.method().equals("POST") && r.path().endsWith("/messages")).toList();
    }

    public synchronized void reset() {
        requests.clear();
        uploads.clear();
        answers.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            boolean multipart = contentType != null && contentType.startsWith("multipart/form-data");
            JsonNode json = body.length == 0 || multipart ? null : JSON.readTree(body);
            requests.add(new Request(exchange.getRequestMethod(), path, authorization, contentType, json));
            if (!("Bearer " + token).equals(authorization)) {
                respond(exchange, 401, "application/json", """
                        {"error":{"message":"Invalid OAuth access token - Cannot parse access token","type":"OAuthException","code":190}}"""
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (exchange.getRequestMethod().equals("POST") && path.endsWith("/media")) {
                upload(exchange, contentType, body);
            } else if (exchange.getRequestMethod().equals("POST") && path.endsWith("/messages")) {
                Answer answer = nextAnswer();
                respond(exchange, answer.status(), "application/json", answer.body().getBytes(StandardCharsets.UTF_8));
            } else if (exchange.getRequestMethod().equals("GET") && path.startsWith("/files/")) {
                StoredMedia m = media.get(path.substring("/files/".length()));
                if (m == null) {
                    respond(exchange, 404, "text/plain", new byte[0]);
                } else {
                    respond(exchange, 200, m.mimeType(), m.bytes());
                }
            } else if (exchange.getRequestMethod().equals("GET")) {
                String id = path.substring(path.lastIndexOf('/') + 1);
                StoredMedia m = media.get(id);
                if (m == null) {
                    respond(exchange, 400, "application/json", JSON.writeValueAsBytes(Map.of("error", Map.of("message",
                            "Unsupported get request. Object with ID '" + id + "' does not exist", "type", "GraphMethodException", "code", 100))));
                } else {
                    respond(exchange, 200, "application/json", JSON.writeValueAsBytes(Map.of("messaging_product", "whatsapp",
                            "url", baseUrl() + "/files/" + id, "mime_type", m.mimeType(), "sha256", sha256(m.bytes()),
                            "file_size", String.valueOf(m.bytes().length), "id", id)));
                }
            } else {
                respond(exchange, 404, "text/plain", new byte[0]);
            }
        }
    }

    /** A file the desk uploaded ({@code POST /{phone-number-id}/media}), as the multipart form carried it. */
    public record Upload(String phoneNumberId, String mediaId, String messagingProduct, String type, String filename,
            String partType, byte[] bytes) {
    }

    private final List<Upload> uploads = new CopyOnWriteArrayList<>();

    public List<Upload> uploads() {
        return List.copyOf(uploads);
    }

    /**
     * Takes an upload as Graph does: a multipart form with {@code messaging_product=whatsapp}, {@code type} and the
     * {@code file} part; answers its media id (which the GET of media then serves), or Graph's error 100 when a field
     * is missing.
     */
    private void upload(HttpExchange exchange, @Nullable String contentType, byte[] body) throws IOException {
        Map<String, MultipartForm.Part> form = MultipartForm.parse(contentType, body);
        MultipartForm.Part file = form.get("file");
        MultipartForm.Part product = form.get("messaging_product");
        MultipartForm.Part type = form.get("type");
        if (file == null || product == null || type == null || !product.text().equals("whatsapp")) {
            respond(exchange, 400, "application/json", JSON.writeValueAsBytes(Map.of("error", Map.of("message",
                    "(#100) The parameter messaging_product, type and file are required.", "type", "OAuthException", "code", 100))));
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String phone = path.substring(0, path.length() - "/media".length());
        phone = phone.substring(phone.lastIndexOf('/') + 1);
        String id = "media-up-" + wamids.incrementAndGet();
        uploads.add(new Upload(phone, id, product.text(), type.text(), file.filename(), file.contentType(), file.bytes()));
        media.put(id, new StoredMedia(file.bytes(), type.text()));
        respond(exchange, 200, "application/json", JSON.writeValueAsBytes(Map.of("id", id)));
    }

    private synchronized Answer nextAnswer() {
        Answer next = answers.poll();
        return next != null ? next : new Answer(200, """
                {"messaging_product":"whatsapp","messages":[{"id":"wamid.fake-%d"}]}""".formatted(wamids.incrementAndGet()));
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
