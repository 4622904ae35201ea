package org.atende.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.atende.support.Api.Answer;
import org.atende.support.ApiIntegrationSupport;
import org.junit.jupiter.api.Test;

/** JSON is read strictly, and a NUL byte is bad input (400), never a conflict. */
class StrictJsonIntegrationTests extends ApiIntegrationSupport {

    @Test
    void refusesANumberWhereTextIsExpected() {
        Answer answer = api.post("/api/v1/plans", admin, "{\"name\": 42, \"slaPolicyId\": " + slaPolicy()
                + ", \"defaultPriority\": \"MEDIUM\"}");

        assertMalformed(answer, "name");
    }

    @Test
    void refusesTheSameKeyTwice() {
        Answer answer = api.post("/api/v1/plans", admin, "{\"name\": \"A\", \"name\": \"B\", \"slaPolicyId\": "
                + slaPolicy() + ", \"defaultPriority\": \"MEDIUM\"}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().path("type").asString()).endsWith("/malformed-request");
        assertThat(answer.body()).contains("name");
    }

    @Test
    void refusesHalfASurrogatePairAndNulInText() {
        for (String text : new String[] {"\\ud800", "a\\udc00b", "nul\\u0000here"}) {
            Answer answer = api.post("/api/v1/plans", admin, "{\"name\": \"" + text + "\", \"slaPolicyId\": "
                    + slaPolicy() + ", \"defaultPriority\": \"MEDIUM\"}");

            assertMalformed(answer, "name");
        }
        Answer pair = api.post("/api/v1/plans", admin, "{\"name\": \"Plano \\ud83d\\ude00 " + unique("x")
                + "\", \"slaPolicyId\": " + slaPolicy() + ", \"defaultPriority\": \"MEDIUM\"}");
        assertThat(pair.status()).as("a whole pair is a character").isEqualTo(201);
    }

    @Test
    void refusesTextAfterTheValue() {
        Answer answer = api.post("/api/v1/plans", admin, "{\"name\":\"x\"} {\"name\":\"y\"}");

        assertThat(answer.status()).isEqualTo(400);
    }

    @Test
    void answersANulInTheAddressWith400NotAConflict() {
        Answer query = api.get("/api/v1/tickets?q=a%00b", admin);
        Answer status = api.get("/api/v1/tickets?status=%00", admin);
        Answer empty = api.get("/api/v1/tickets?status=&size=1", admin);

        assertThat(query.status()).as(query.body()).isEqualTo(400);
        assertThat(query.json().path("type").asString()).endsWith("/malformed-request");
        assertThat(status.status()).isEqualTo(400);
        assertThat(empty.status()).as("an empty filter filters nothing").isEqualTo(200);
    }

    @Test
    void answersAFarFutureMonthWith400() {
        Answer billing = api.get("/api/v1/quotes/billing?month=%2B999999999-12", admin);

        assertThat(billing.status()).as(billing.body()).isEqualTo(400);
    }

    private static void assertMalformed(Answer answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().path("type").asString()).isEqualTo("https://atende.example/problems/malformed-request");
        assertThat(answer.json().path("errors").get(0).path("field").asString()).isEqualTo(field);
    }
}
