package org.atende.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Map;

import org.atende.support.Api.Answer;
import org.atende.support.ApiIntegrationSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Every client mistake is a 4xx RFC 9457 problem with a stable type; validation names every bad field;
 * nothing a client sends makes a 500. (This suite runs with {@code atende.web.max-request-size=64KB}.)
 */
class ProblemDetailsIntegrationTests extends ApiIntegrationSupport {

    static final String TYPES = "https://atende.example/problems/";

    @Nested
    class Validation {

        @Test
        void listsEveryBadFieldOfAnOrganisation() {
            Answer answer = api.post("/api/v1/organisations", admin, Map.of("name", " ", "planId", -4,
                    "emailDomains", List.of("example.com", "not a domain", "@@")));

            assertProblem(answer, 400, "validation");
            assertThat(fields(answer)).containsExactly("emailDomains[1]", "emailDomains[2]", "language", "name", "planId");
            assertThat(answer.json().path("errors").get(0).path("message").asString()).contains("domain");
        }

        @Test
        void listsEveryBadFieldOfAContact() {
            long organisation = createOrganisation();

            Answer answer = api.post("/api/v1/organisations/" + organisation + "/contacts", admin,
                    Map.of("name", "", "email", "not-an-email", "phone", "912 345 678", "language", "PT"));

            assertProblem(answer, 400, "validation");
            assertThat(fields(answer)).containsExactly("email", "name", "phone");
            assertThat(answer.json().path("errors").get(2).path("message").asString()).contains("E.164");
        }

        @Test
        void namesParametersOutOfRange() {
            Answer answer = api.get("/api/v1/organisations?page=-1&size=1000", admin);

            assertProblem(answer, 400, "validation");
            assertThat(fields(answer)).containsExactly("page", "size");
        }
    }

    @Nested
    class MalformedRequests {

        @Test
        void refuseAnUnknownFieldByName() {
            Answer answer = api.post("/api/v1/teams", admin, Map.of("name", unique("Team"), "kind", "FIRST_LINE",
                    "colour", "blue"));

            assertProblem(answer, 400, "malformed-request");
            assertThat(fields(answer)).containsExactly("colour");
            assertThat(answer.json().path("detail").asString()).contains("colour").contains("kind").contains("name");
        }

        @Test
        void refuseAValueOfTheWrongType() {
            Answer answer = api.post("/api/v1/organisations", admin, Map.of("name", "Acme", "planId", "abc",
                    "language", "PT"));

            assertProblem(answer, 400, "malformed-request");
            assertThat(fields(answer)).containsExactly("planId");
            assertThat(answer.json().path("detail").asString()).contains("'abc' is not a whole number");
        }

        @Test
        void refuseAnUnknownEnumValueListingTheKnownOnes() {
            Answer answer = api.post("/api/v1/teams", admin, Map.of("name", unique("Team"), "kind", "THIRD_LINE"));

            assertProblem(answer, 400, "malformed-request");
            assertThat(fields(answer)).containsExactly("kind");
            assertThat(answer.json().path("detail").asString()).contains("FIRST_LINE, SECOND_LINE, ENGINEERING");
        }

        @Test
        void refuseABadDate() {
            long user = createUser("AGENT", null, null);

            Answer answer = api.post("/api/v1/users/" + user + "/tokens", admin, Map.of("name", "x", "expiresAt", "tomorrow"));

            assertProblem(answer, 400, "malformed-request");
            assertThat(fields(answer)).containsExactly("expiresAt");
            assertThat(answer.json().path("detail").asString()).contains("ISO-8601");
        }

        @Test
        void refuseANumberOutOfRangeOrWithAFraction() {
            Answer tooLarge = api.send("POST", "/api/v1/organisations", admin,
                    "{\"name\":\"Acme\",\"planId\":99999999999999999999999,\"language\":\"PT\"}", "application/json");
            Answer fraction = api.send("POST", "/api/v1/organisations", admin,
                    "{\"name\":\"Acme\",\"planId\":1.5,\"language\":\"PT\"}", "application/json");

            assertProblem(tooLarge, 400, "malformed-request");
            assertThat(fields(tooLarge)).containsExactly("planId");
            assertProblem(fraction, 400, "malformed-request");
            assertThat(fields(fraction)).containsExactly("planId");
        }

        @Test
        void refuseAnExpiryBeyondTheLastRepresentableDay() {
            long user = createUser("AGENT", null, null);

            Answer answer = api.post("/api/v1/users/" + user + "/tokens", admin,
                    Map.of("name", "forever", "expiresAt", "+999999999-12-31T23:59:59Z"));

            assertProblem(answer, 400, "validation");
            assertThat(fields(answer)).containsExactly("expiresAt");
        }

        @Test
        void refuseAListWhereTextIsExpected() {
            Answer answer = api.post("/api/v1/teams", admin, Map.of("name", List.of("a", "b"), "kind", "FIRST_LINE"));

            assertProblem(answer, 400, "malformed-request");
            assertThat(fields(answer)).containsExactly("name");
        }

        @Test
        void refuseBrokenJson() {
            Answer answer = api.send("POST", "/api/v1/teams", admin, "{\"name\": ", "application/json");

            assertProblem(answer, 400, "malformed-request");
            assertThat(answer.json().path("detail").asString()).contains("not valid JSON");
        }

        @Test
        void refuseAMissingBody() {
            Answer answer = api.send("POST", "/api/v1/teams", admin, "", "application/json");

            assertProblem(answer, 400, "malformed-request");
        }

        @Test
        void refuseAnIdThatIsNotANumber() {
            Answer answer = api.get("/api/v1/organisations/abc", admin);

            assertProblem(answer, 400, "malformed-request");
            assertThat(fields(answer)).containsExactly("id");
        }
    }

    @Nested
    class OtherMistakes {

        @Test
        void aBodyOverTheLimitIs413() {
            String huge = "{\"name\":\"" + "x".repeat(70 * 1024) + "\",\"kind\":\"FIRST_LINE\"}";

            Answer answer = api.send("POST", "/api/v1/teams", admin, huge, "application/json");

            assertProblem(answer, 413, "payload-too-large");
        }

        @Test
        void aChunkedBodyGrowingOverTheLimitIs413() {
            byte[] huge = ("{\"name\":\"" + "x".repeat(70 * 1024) + "\",\"kind\":\"FIRST_LINE\"}").getBytes();

            Answer answer = api.sendChunked("POST", "/api/v1/teams", admin, () -> new ByteArrayInputStream(huge));

            assertProblem(answer, 413, "payload-too-large");
        }

        @Test
        void anUnsupportedMediaTypeIs415() {
            Answer answer = api.send("POST", "/api/v1/teams", admin, "name=x", "text/plain");

            assertProblem(answer, 415, "unsupported-media-type");
        }

        @Test
        void anUnsupportedMethodIs405() {
            Answer answer = api.delete("/api/v1/organisations", admin);

            assertProblem(answer, 405, "method-not-allowed");
        }

        @Test
        void anUnknownPathIs404() {
            Answer answer = api.get("/api/v1/no-such-thing", admin);

            assertProblem(answer, 404, "not-found");
        }

        @Test
        void anUnknownPathOutsideTheApiIsAProblemToo() {
            Answer answer = api.exchange("GET", "/actuator/env", null, BodyPublishers.noBody(), null);

            assertProblem(answer, 404, "not-found");
        }
    }

    static void assertProblem(Answer answer, int status, String slug) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = answer.json();
        assertThat(problem.path("type").asString()).isEqualTo(TYPES + slug);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank();
    }

    static List<String> fields(Answer answer) {
        return answer.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList();
    }
}
