package org.atende.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The worked cases of the business-time contract, one JSON object a line: a request and its expected result. */
record ConformanceCases(List<JsonNode> cases) {

    static final String RESOURCE = "/business-time-cases.jsonl";
    static final JsonMapper JSON = JsonMapper.builder().build();

    static ConformanceCases load() throws IOException {
        try (InputStream in = ConformanceCases.class.getResourceAsStream(RESOURCE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new ConformanceCases(text.lines().filter(l -> !l.isBlank()).map(JSON::readTree).toList());
        }
    }
}
