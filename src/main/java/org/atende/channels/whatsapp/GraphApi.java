package org.atende.channels.whatsapp;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The WhatsApp Business Cloud API as the desk uses it: a free text, a template, and a media file an
 * inbound message points to. Every call carries the system user's token; failures come back as
 * {@link GraphApiException} saying whether another try may help (see {@link GraphErrors}).
 */
@Component
public class GraphApi implements AutoCloseable {

    /** The largest file WhatsApp carries (a document): a larger answer is not read. */
    public static final long MAX_MEDIA_BYTES = 100L * 1024 * 1024;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A downloaded media file: its bytes and the type WhatsApp gave it. */
    public record Media(String id, byte[] bytes, String mimeType, @Nullable String sha256) {
    }

    private final WhatsAppProperties properties;
    /** Made at the first call (its TLS set-up and selector thread cost the desk's start about a tenth of a second). */
    private @Nullable HttpClient http;

    GraphApi(WhatsAppProperties properties) {
        this.properties = properties;
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
        }
        return http;
    }

    /**
     * A free text (inside the 24-hour window only), optionally quoting the message it answers
     * ({@code contextWamid}). Returns the wamid WhatsApp gave it.
     */
    public String sendText(WhatsAppProperties.BusinessNumber from, String to, String body, @Nullable String contextWamid)
            throws GraphApiException {
        ObjectNode message = envelope(to, "text");
        if (contextWamid != null) {
            message.putObject("context").put("message_id", contextWamid);
        }
        message.putObject("text").put("preview_url", false).put("body", body);
        return send(from, message);
    }

    /** An approved template, its body's {{1}}, {{2}}… filled in order. Returns the wamid. */
    public String sendTemplate(WhatsAppProperties.BusinessNumber from, String to, WhatsAppProperties.Template template,
            List<String> bodyParameters) throws GraphApiException {
        ObjectNode message = envelope(to, "template");
        ObjectNode t = message.putObject("template").put("name", template.name());
        t.putObject("language").put("code", template.language());
        if (!bodyParameters.isEmpty()) {
            var parameters = t.putArray("components").addObject().put("type", "body").putArray("parameters");
            bodyParameters.forEach(p -> parameters.addObject().put("type", "text").put("text", p));
        }
        return send(from, message);
    }

    /**
     * Uploads a file for this number to send ({@code POST /{phone-number-id}/media}, multipart); returns the media
     * id a message then names.
     */
    public String uploadMedia(WhatsAppProperties.BusinessNumber from, byte[] bytes, String mimeType, String filename)
            throws GraphApiException {
        String boundary = "atende-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        String type = mimeType.split(";")[0].strip();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"messaging_product\"\r\n\r\nwhatsapp\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n" + type + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + filename.replaceAll("[\"\\\\\\r\\n]", "_") + "\"\r\nContent-Type: " + type + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = request(graph(from.phoneNumberId() + "/media"), properties.tokenOf(from)).timeout(DOWNLOAD_TIMEOUT)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        String id = json(call(request)).path("id").asString("");
        if (id.isBlank()) {
            throw new GraphApiException("WhatsApp took the file but gave no media id", false, 200, null, null);
        }
        return id;
    }

    /**
     * A media message naming an uploaded file: {@code kind} is image, audio, video or document; a caption goes with
     * images, videos and documents, a file name with documents. Returns the wamid.
     */
    public String sendMedia(WhatsAppProperties.BusinessNumber from, String to, String kind, String mediaId,
            @Nullable String caption, @Nullable String filename) throws GraphApiException {
        ObjectNode message = envelope(to, kind);
        ObjectNode media = message.putObject(kind).put("id", mediaId);
        if (caption != null && !caption.isBlank() && !kind.equals("audio")) {
            media.put("caption", caption);
        }
        if (filename != null && kind.equals("document")) {
            media.put("filename", filename);
        }
        return send(from, message);
    }

    /**
     * Reply buttons (at most three, each an id and a title of at most 20 characters) under a text; inside the
     * 24-hour window only. Returns the wamid.
     */
    public String sendButtons(WhatsAppProperties.BusinessNumber from, String to, String text, java.util.Map<String, String> buttons)
            throws GraphApiException {
        ObjectNode message = envelope(to, "interactive");
        ObjectNode interactive = message.putObject("interactive").put("type", "button");
        interactive.putObject("body").put("text", text);
        var list = interactive.putObject("action").putArray("buttons");
        buttons.forEach((id, title) -> list.addObject().put("type", "reply").putObject("reply").put("id", id).put("title", title));
        return send(from, message);
    }

    /**
     * An approved template whose body names the ticket and whose quick-reply buttons carry these payloads, in
     * order (outside the 24-hour window). Returns the wamid.
     */
    public String sendTemplateWithButtons(WhatsAppProperties.BusinessNumber from, String to, WhatsAppProperties.Template template,
            List<String> bodyParameters, List<String> payloads) throws GraphApiException {
        ObjectNode message = envelope(to, "template");
        ObjectNode t = message.putObject("template").put("name", template.name());
        t.putObject("language").put("code", template.language());
        var components = t.putArray("components");
        var parameters = components.addObject().put("type", "body").putArray("parameters");
        bodyParameters.forEach(p -> parameters.addObject().put("type", "text").put("text", p));
        for (int i = 0; i < payloads.size(); i++) {
            components.addObject().put("type", "button").put("sub_type", "quick_reply").put("index", String.valueOf(i))
                    .putArray("parameters").addObject().put("type", "payload").put("payload", payloads.get(i));
        }
        return send(from, message);
    }

    /** A media file of a message written to this number, up to {@link #MAX_MEDIA_BYTES}. */
    public Media downloadMedia(WhatsAppProperties.BusinessNumber number, String mediaId) throws GraphApiException {
        return downloadMedia(number, mediaId, MAX_MEDIA_BYTES);
    }

    /**
     * A media file of an inbound message: its metadata names a short-lived URL (minutes), which is read
     * with the same token. A file larger than {@code maxBytes} is refused (permanently) without being
     * read to the end; one whose bytes do not match WhatsApp's SHA-256 is read again later.
     */
    public Media downloadMedia(WhatsAppProperties.BusinessNumber number, String mediaId, long maxBytes) throws GraphApiException {
        String token = properties.tokenOf(number);
        if (!mediaId.matches("[A-Za-z0-9_.-]+")) {
            throw new GraphApiException("not a media id: " + mediaId, true, 0, null, null);
        }
        JsonNode meta = json(call(request(graph(mediaId), token).GET().timeout(CALL_TIMEOUT).build()));
        String url = meta.path("url").asString("");
        if (url.isBlank()) {
            throw new GraphApiException("WhatsApp gave no URL for media " + mediaId, false, 200, null, null);
        }
        long announced = meta.path("file_size").asLong(-1);
        if (announced > maxBytes) {
            throw new GraphApiException("media " + mediaId + " has " + announced + " bytes, more than " + maxBytes, true, 200, null, null);
        }
        String mimeType = meta.path("mime_type").asString("application/octet-stream");
        String sha256 = meta.path("sha256").isMissingNode() || meta.path("sha256").isNull() ? null : meta.path("sha256").asString();
        byte[] bytes = read(request(URI.create(url), token).GET().timeout(DOWNLOAD_TIMEOUT).build(), mediaId, maxBytes);
        if (sha256 != null && !sha256.isBlank() && !sha256.equalsIgnoreCase(sha256(bytes))) {
            throw new GraphApiException("media " + mediaId + " arrived damaged (SHA-256 differs)", false, 200, null, null);
        }
        return new Media(mediaId, bytes, mimeType, sha256);
    }

    @Override
    public synchronized void close() {
        if (http != null) {
            http.close();
        }
    }

    /**
     * The common part of a message. A user known only by the business-scoped user id (no phone number)
     * is addressed with {@code recipient}, a phone number with {@code to}.
     */
    private static ObjectNode envelope(String to, String type) {
        ObjectNode message = JSON.createObjectNode().put("messaging_product", "whatsapp").put("recipient_type", "individual");
        message.put(WhatsAppAddress.isPhone(to) ? "to" : "recipient", to);
        return message.put("type", type);
    }

    private String send(WhatsAppProperties.BusinessNumber from, ObjectNode message) throws GraphApiException {
        HttpRequest request = request(graph(from.phoneNumberId() + "/messages"), properties.tokenOf(from)).timeout(CALL_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(message), StandardCharsets.UTF_8)).build();
        JsonNode answer = json(call(request));
        String wamid = answer.path("messages").path(0).path("id").asString("");
        if (wamid.isBlank()) {
            // accepted, but without an id the statuses cannot be followed: the answer is not what Graph sends
            throw new GraphApiException("WhatsApp accepted the message but gave no id", true, 200, null, null);
        }
        return wamid;
    }

    private URI graph(String path) {
        String base = properties.graphBaseUrl().toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + properties.graphVersion() + "/" + path);
    }

    private static HttpRequest.Builder request(URI uri, @Nullable String token) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token);
    }

    private String call(HttpRequest request) throws GraphApiException {
        HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() / 100 != 2) {
            throw failure(response.statusCode(), response.body());
        }
        return response.body();
    }

    private byte[] read(HttpRequest request, String mediaId, long maxBytes) throws GraphApiException {
        HttpResponse<InputStream> response = exchange(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() / 100 != 2) {
                throw failure(response.statusCode(), new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8));
            }
            byte[] bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > maxBytes) {
                throw new GraphApiException("media " + mediaId + " is larger than " + maxBytes + " bytes", true, response.statusCode(),
                        null, null);
            }
            return bytes;
        } catch (IOException e) {
            throw new GraphApiException("media " + mediaId + " could not be read: " + e, false, 0, null, e);
        }
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body) throws GraphApiException {
        try {
            return http().send(request, body);
        } catch (IOException e) {
            throw new GraphApiException("WhatsApp could not be reached (" + request.method() + " " + request.uri().getPath() + "): " + e,
                    false, 0, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphApiException("interrupted while calling WhatsApp", false, 0, null, e);
        }
    }

    /** Graph's error answer: {@code {"error":{"message":…,"code":131047,"error_data":{"details":…}}}}. */
    static GraphApiException failure(int status, @Nullable String body) {
        Integer code = null;
        String message = null;
        String details = null;
        try {
            JsonNode error = JSON.readTree(body == null ? "" : body).path("error");
            if (error.path("code").isNumber()) {
                code = error.path("code").asInt();
            }
            message = error.path("message").asString(null);
            details = error.path("error_data").path("details").asString(null);
        } catch (JacksonException e) {
            // not JSON (a proxy's page): the status alone decides
        }
        if (message == null && body != null && !body.isBlank()) {
            message = body.length() > 200 ? body.substring(0, 200) : body;
        }
        return new GraphApiException(GraphErrors.reason(status, code, message, details), GraphErrors.permanent(status, code), status,
                code, null);
    }

    private static JsonNode json(String body) throws GraphApiException {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            throw new GraphApiException("WhatsApp answered something that is not JSON", false, 200, null, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
