package org.atende.web;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The {@code type} of every problem the desk answers: {@value #BASE}{@code <slug>}. Clients may rely on
 * these slugs; they never change meaning.
 * <ul>
 * <li>{@code validation} (400): the request was understood but breaks rules; {@code errors} lists
 * <em>every</em> bad field as {@code {field, message}}</li>
 * <li>{@code malformed-request} (400): the body is not JSON, has an unknown field, a value of the wrong
 * type, a bad date or enum value, or a parameter is missing or not convertible; {@code errors} names the
 * field when known</li>
 * <li>{@code bad-request} (400): an argument the operation refused ({@link IllegalArgumentException})</li>
 * <li>{@code unauthorized} (401): no bearer token, or an unknown, revoked or expired one</li>
 * <li>{@code forbidden} (403): signed in, but the role does not allow it</li>
 * <li>{@code not-found} (404): no such resource, or one the caller may not know of</li>
 * <li>{@code method-not-allowed} (405), {@code not-acceptable} (406)</li>
 * <li>{@code conflict} (409): a unique value already used, or a concurrent change</li>
 * <li>{@code payload-too-large} (413): the body is over {@code atende.web.max-request-size} (or a
 * multipart over {@code spring.servlet.multipart.*})</li>
 * <li>{@code unsupported-media-type} (415)</li>
 * <li>{@code internal-error} (500): a bug on our side; the detail never says more</li>
 * <li>{@code service-unavailable} (503)</li>
 * </ul>
 * Any other status gets the slug of its reason phrase (429: {@code too-many-requests}).
 */
final class ProblemTypes {

    static final String BASE = "https://atende.example/problems/";

    static final URI VALIDATION = type("validation");
    static final URI MALFORMED_REQUEST = type("malformed-request");
    static final URI PAYLOAD_TOO_LARGE = type("payload-too-large");

    private static final Map<Integer, String> SLUGS = Map.ofEntries(
            Map.entry(400, "bad-request"),
            Map.entry(401, "unauthorized"),
            Map.entry(403, "forbidden"),
            Map.entry(404, "not-found"),
            Map.entry(405, "method-not-allowed"),
            Map.entry(406, "not-acceptable"),
            Map.entry(409, "conflict"),
            Map.entry(413, "payload-too-large"),
            Map.entry(415, "unsupported-media-type"),
            Map.entry(500, "internal-error"),
            Map.entry(503, "service-unavailable"));

    private ProblemTypes() {
    }

    static URI type(String slug) {
        return URI.create(BASE + slug);
    }

    /** The type for a status when nothing more specific is known. */
    static URI forStatus(HttpStatusCode status) {
        String slug = SLUGS.get(status.value());
        if (slug == null) {
            HttpStatus known = HttpStatus.resolve(status.value());
            slug = known == null ? "http-" + status.value()
                    : known.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        }
        return type(slug);
    }
}
