package org.atende.calendar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The command answers every line in order; a line it cannot answer gets an error line and the next is answered. */
class BusinessTimeCommandUnitTests {

    static final String WEEK = "\"week\":{\"mon\":[\"09:00-21:00\"],\"tue\":[\"09:00-21:00\"]}";
    final BusinessTimeCommand command = new BusinessTimeCommand();

    String answer(String line) {
        return command.answer(line);
    }

    @Test
    void answersAnAddWithAnInstantAtWholeSeconds() {
        assertThat(answer("{\"id\":\"a\",\"calendar\":{\"zone\":\"Europe/Lisbon\"," + WEEK + "},\"op\":\"add\",\"at\":\"2026-11-23T20:30:00Z\",\"seconds\":3600}"))
                .isEqualTo("{\"id\":\"a\",\"result\":\"2026-11-24T09:30:00Z\"}");
    }

    @Test
    void echoesAnIdThatIsNotAString() {
        assertThat(answer("{\"id\":7,\"calendar\":{\"zone\":\"UTC\"," + WEEK + "},\"op\":\"elapsed\",\"from\":\"2026-11-23T08:00:00Z\",\"to\":\"2026-11-23T10:00:00Z\"}"))
                .isEqualTo("{\"id\":7,\"result\":3600}");
    }

    @Test
    void acceptsInstantsWithAnOffset() {
        assertThat(answer("{\"id\":\"o\",\"calendar\":{\"zone\":\"UTC\"," + WEEK + "},\"op\":\"isOpen\",\"at\":\"2026-11-23T10:00:00+01:00\"}"))
                .isEqualTo("{\"id\":\"o\",\"result\":true}");
    }

    @Test
    void explainsAnUnknownZone() {
        assertThat(answer("{\"id\":\"z\",\"calendar\":{\"zone\":\"Mars/Olympus\"," + WEEK + "},\"op\":\"isOpen\",\"at\":\"2026-11-23T10:00:00Z\"}"))
                .isEqualTo("{\"id\":\"z\",\"error\":\"unknown time zone 'Mars/Olympus': expected an IANA zone such as Europe/Lisbon\"}");
    }

    @Test
    void explainsOverlappingIntervals() {
        assertThat(answer("{\"id\":\"o\",\"calendar\":{\"zone\":\"UTC\",\"week\":{\"mon\":[\"09:00-13:00\",\"12:00-18:00\"]}},\"op\":\"isOpen\",\"at\":\"2026-11-23T10:00:00Z\"}"))
                .contains("\"error\":\"intervals 09:00-13:00 and 12:00-18:00 on mon overlap\"");
    }

    @Test
    void explainsAnEmptyWeek() {
        assertThat(answer("{\"id\":\"e\",\"calendar\":{\"zone\":\"UTC\",\"week\":{}},\"op\":\"isOpen\",\"at\":\"2026-11-23T10:00:00Z\"}"))
                .contains("the week has no opening interval");
    }

    @Test
    void explainsMalformedTimesDatesAndInstants() {
        assertThat(answer("{\"id\":1,\"calendar\":{\"zone\":\"UTC\",\"week\":{\"mon\":[\"9-21\"]}},\"op\":\"isOpen\",\"at\":\"2026-11-23T10:00:00Z\"}"))
                .contains("malformed interval '9-21'");
        assertThat(answer("{\"id\":2,\"calendar\":{\"zone\":\"UTC\"," + WEEK + ",\"holidays\":[\"2026-13-01\"]},\"op\":\"isOpen\",\"at\":\"2026-11-23T10:00:00Z\"}"))
                .contains("malformed date '2026-13-01'");
        assertThat(answer("{\"id\":3,\"calendar\":{\"zone\":\"UTC\"," + WEEK + "},\"op\":\"isOpen\",\"at\":\"yesterday\"}"))
                .contains("malformed instant 'yesterday' in \\\"at\\\"");
    }

    @Test
    void explainsUnknownFieldsOpsAndBadAmounts() {
        assertThat(answer("{\"id\":1,\"calendar\":{\"zone\":\"UTC\"," + WEEK + ",\"holiday\":[]},\"op\":\"isOpen\",\"at\":\"2026-11-23T10:00:00Z\"}"))
                .contains("unknown calendar field \\\"holiday\\\"");
        assertThat(answer("{\"id\":2,\"calendar\":{\"zone\":\"UTC\"," + WEEK + "},\"op\":\"frob\",\"at\":\"2026-11-23T10:00:00Z\"}"))
                .contains("unknown op 'frob'");
        assertThat(answer("{\"id\":3,\"calendar\":{\"zone\":\"UTC\"," + WEEK + "},\"op\":\"add\",\"at\":\"2026-11-23T10:00:00Z\",\"seconds\":-1}"))
                .contains("must not be negative");
        assertThat(answer("{\"id\":4,\"calendar\":{\"zone\":\"UTC\"," + WEEK + "},\"op\":\"add\",\"at\":\"2026-11-23T10:00:00Z\",\"seconds\":1.5}"))
                .contains("\\\"seconds\\\" must be a whole number");
    }

    @Test
    void answersEveryLineInOrderAndGoesOnAfterABadOne() throws IOException {
        String input = """
                not json
                {"id":"ok","calendar":{"zone":"UTC",%s},"op":"isOpen","at":"2026-11-23T10:00:00Z"}
                [1,2]
                {"id":"late","calendar":{"zone":"UTC",%s},"op":"nextOpen","at":"2026-11-23T22:00:00Z"}
                """.formatted(WEEK, WEEK);
        var out = new ByteArrayOutputStream();
        command.run(new StringReader(input), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "{\"id\":null,\"error\":\"not a JSON object: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\"}",
                "{\"id\":\"ok\",\"result\":true}",
                "{\"id\":null,\"error\":\"a request must be a JSON object\"}",
                "{\"id\":\"late\",\"result\":\"2026-11-24T09:00:00Z\"}");
    }
}
