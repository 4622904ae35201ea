package org.atende.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.atende.support.Api.Answer;
import org.atende.support.ApiIntegrationSupport;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Walks the OpenAPI document and sends every operation awkward values: each path and query parameter and each
 * body field in turn empty, a NUL byte, huge, a far-future month and date, negative, out of range and of the
 * wrong type; bodies that are not JSON, cut short, with duplicate keys or lone surrogates; multipart bodies cut
 * short; as an administrator and as a customer. Nothing may answer 5xx. The values and their order come from
 * one seed ({@code -Dfuzz.seed}), so a failure is replayed exactly.
 */
class ApiFuzzIntegrationTests extends ApiIntegrationSupport {

    private static final long SEED = Long.getLong("fuzz.seed", 20261205L);

    /** What each parameter and field is tried with; the base value of its type comes first. */
    private static final List<String> AWKWARD = List.of("", "\u0000", "a\u0000b", "x".repeat(20_000), "+999999999-12",
            "+999999999-12-31", "-999999999-01", "-1", "-9223372036854775809", "9223372036854775808", "0", "1.5", "true",
            "abc", "2026-13-45", "2026-02-30T25:61:00Z", "null", "[]", "%", "\uD800", "../../etc/passwd", "'; --");

    private final List<String> failures = new ArrayList<>();
    private int requests;

    @Test
    void noOperationAnswersAServerErrorWhateverItIsSent() {
        long organisation = createOrganisation(unique("fuzz") + ".example");
        long contact = createContact(organisation, unique("ana") + "@fuzz.example");
        String customer = tokenFor(createUser("CUSTOMER", organisation, contact));
        long ticket = api.post("/api/v1/tickets", admin, Map.of("organisationId", organisation, "subject", "Fuzz",
                "body", "A ticket to fuzz against.")).id();
        Map<String, String> ids = Map.of("ticket", Long.toString(ticket), "organisation", Long.toString(organisation),
                "contact", Long.toString(contact));

        JsonNode document = api.get("/v3/api-docs", null).json();
        SplittableRandom random = new SplittableRandom(SEED);
        for (var path : document.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                if (!List.of("get", "post", "put", "patch", "delete").contains(operation.getKey())) {
                    continue;
                }
                for (String token : List.of(admin, customer)) {
                    fuzz(document, path.getKey(), operation.getKey().toUpperCase(), operation.getValue(), token, ids,
                            random);
                }
            }
        }
        assertThat(requests).as("requests sent").isGreaterThan(1000);
        assertThat(failures).as("%d requests with seed %d answered 5xx", requests, SEED).isEmpty();
    }

    private void fuzz(JsonNode document, String template, String method, JsonNode operation, String token,
            Map<String, String> ids, SplittableRandom random) {
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(parameters::add);
        Map<String, String> path = new LinkedHashMap<>();
        for (JsonNode p : parameters) {
            if (p.path("in").asString().equals("path")) {
                path.put(p.path("name").asString(), validId(template, p.path("name").asString(), ids));
            }
        }
        JsonNode body = requestSchema(document, operation);
        String contentType = requestType(operation);
        boolean multipart = contentType.startsWith("multipart/");
        String boundary = "fuzz" + random.nextInt(1_000_000);
        String whole = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nhello\r\n--" + boundary + "--\r\n";
        Object base = multipart ? whole : baseBody(document, body);
        String baseType = multipart ? "multipart/form-data; boundary=" + boundary : contentType;
        for (JsonNode p : parameters) {
            String name = p.path("name").asString();
            for (String value : sample(random, 5)) {
                if (p.path("in").asString().equals("path")) {
                    Map<String, String> changed = new LinkedHashMap<>(path);
                    changed.put(name, value);
                    send(method, url(template, changed, ""), token, base, baseType);
                } else if (p.path("in").asString().equals("query")) {
                    send(method, url(template, path, name + "=" + encode(value)), token, base, baseType);
                }
            }
        }
        if (multipart) {
            for (int cut : new int[] {0, 10, whole.length() / 2, whole.length() - 5}) {
                send(method, url(template, path, ""), token, whole.substring(0, cut),
                        "multipart/form-data; boundary=" + boundary);
            }
            send(method, url(template, path, ""), token, whole, "multipart/form-data");
        } else if (body != null) {
            Map<String, Object> fields = baseBody(document, body);
            for (String field : fields.keySet()) {
                for (String value : sample(random, 3)) {
                    Map<String, Object> changed = new LinkedHashMap<>(fields);
                    changed.put(field, random.nextBoolean() ? value : typed(value));
                    send(method, url(template, path, ""), token, changed, contentType);
                }
                Map<String, Object> nested = new LinkedHashMap<>(fields);
                nested.put(field, Map.of("x", List.of(1)));
                send(method, url(template, path, ""), token, nested, contentType);
            }
            for (String raw : List.of("{", "[]", "null", "{\"a\":1,\"a\":2}", "{\"x\":\"\\ud800\"}", "\u0000",
                    "[".repeat(5000))) {
                send(method, url(template, path, ""), token, raw, contentType);
            }
        }
    }

    private void send(String method, String url, String token, Object body, String contentType) {
        requests++;
        String text = body == null ? null : body instanceof String s ? s : org.atende.support.Api.JSON.writeValueAsString(body);
        Answer answer = api.exchange(method, url, token, text == null ? BodyPublishers.noBody()
                : BodyPublishers.ofString(text, StandardCharsets.UTF_8), text == null ? null : contentType);
        if (answer.status() >= 500) {
            failures.add(method + " " + url.substring(0, Math.min(url.length(), 200)) + " "
                    + (text == null ? "" : text.substring(0, Math.min(text.length(), 200))) + " -> " + answer.status()
                    + " " + answer.body().substring(0, Math.min(answer.body().length(), 300)));
        }
    }

    private List<String> sample(SplittableRandom random, int n) {
        List<String> values = new ArrayList<>(List.of("", "\u0000", "+999999999-12", "-1").subList(0, Math.min(4, n - 1)));
        while (values.size() < n) {
            values.add(AWKWARD.get(random.nextInt(AWKWARD.size())));
        }
        return values;
    }

    /** The value as JSON would carry it when it is not a string: a number, a boolean, null, a list. */
    private static Object typed(String value) {
        return switch (value) {
            case "true" -> true;
            case "null" -> "null";
            case "[]" -> List.of();
            case "-1" -> -1;
            case "0" -> 0;
            case "1.5" -> 1.5;
            case "9223372036854775808" -> new java.math.BigInteger(value);
            case "-9223372036854775809" -> new java.math.BigInteger(value);
            default -> value;
        };
    }

    private static String validId(String template, String name, Map<String, String> ids) {
        if (template.startsWith("/api/v1/tickets/{id}")) {
            return ids.get("ticket");
        }
        if (template.startsWith("/api/v1/organisations/{id}")) {
            return ids.get("organisation");
        }
        if (template.startsWith("/api/v1/contacts/{id}")) {
            return ids.get("contact");
        }
        return "999999";
    }

    private static JsonNode requestSchema(JsonNode document, JsonNode operation) {
        for (var content : operation.path("requestBody").path("content").properties()) {
            return resolve(document, content.getValue().path("schema"));
        }
        return null;
    }

    private static String requestType(JsonNode operation) {
        Iterator<String> types = operation.path("requestBody").path("content").propertyNames().iterator();
        return types.hasNext() ? types.next() : "application/json";
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        return ref.startsWith("#/components/schemas/")
                ? document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()))
                : schema;
    }

    /** A body of plausible values, one per property of the schema. */
    private static Map<String, Object> baseBody(JsonNode document, JsonNode schema) {
        if (schema == null) {
            return null;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        for (var property : schema.path("properties").properties()) {
            body.put(property.getKey(), plausible(document, resolve(document, property.getValue())));
        }
        return body;
    }

    private static Object plausible(JsonNode document, JsonNode schema) {
        if (schema.has("enum")) {
            return schema.path("enum").get(0).asString();
        }
        return switch (schema.path("type").asString("object")) {
            case "integer" -> 1;
            case "number" -> 1.5;
            case "boolean" -> true;
            case "array" -> List.of();
            case "string" -> switch (schema.path("format").asString("")) {
                case "date" -> "2026-11-30";
                case "date-time" -> "2026-11-30T10:00:00Z";
                default -> "text";
            };
            default -> Map.of();
        };
    }

    private static String url(String template, Map<String, String> path, String query) {
        String url = template;
        for (var p : path.entrySet()) {
            url = url.replace("{" + p.getKey() + "}", encode(p.getValue()).replace("+", "%20"));
        }
        return query.isEmpty() ? url : url + "?" + query;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
