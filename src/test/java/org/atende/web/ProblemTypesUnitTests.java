package org.atende.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;

class ProblemTypesUnitTests {

    enum Shade { LIGHT, DARK }

    @Test
    void nameTheTypeOfEachStatusWeAnswer() {
        assertThat(ProblemTypes.forStatus(HttpStatusCode.valueOf(404))).hasToString("https://atende.example/problems/not-found");
        assertThat(ProblemTypes.forStatus(HttpStatusCode.valueOf(413))).hasToString("https://atende.example/problems/payload-too-large");
        assertThat(ProblemTypes.forStatus(HttpStatusCode.valueOf(415))).hasToString("https://atende.example/problems/unsupported-media-type");
    }

    @Test
    void fallBackToTheReasonPhraseOfOtherStatuses() {
        assertThat(ProblemTypes.forStatus(HttpStatusCode.valueOf(429))).hasToString("https://atende.example/problems/too-many-requests");
        assertThat(ProblemTypes.forStatus(HttpStatusCode.valueOf(599))).hasToString("https://atende.example/problems/http-599");
    }

    @Test
    void describeExpectedTypesInWordsAClientUnderstands() {
        assertThat(UnreadableBody.expected(Long.class)).isEqualTo("a whole number");
        assertThat(UnreadableBody.expected(boolean.class)).isEqualTo("true or false");
        assertThat(UnreadableBody.expected(Instant.class)).contains("ISO-8601");
        assertThat(UnreadableBody.expected(Shade.class)).isEqualTo("one of LIGHT, DARK");
        assertThat(UnreadableBody.expected(List.class)).isEqualTo("a list");
    }
}
