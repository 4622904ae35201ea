package org.atende.calendar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's command, run on the packaged jar: answers on stdout, line by line, without starting the server. */
class BusinessTimeJarIT {

    static final Path JAR = Path.of(System.getProperty("atende.jar", "target/atende.jar")).toAbsolutePath();

    /** Its own working directory, so that a desk started from the repository (its ./data) changes nothing. */
    @TempDir
    Path workingDirectory;

    @Test
    void thePackagedJarAnswersJsonLinesWithoutStartingTheServer() throws IOException, InterruptedException {
        assertThat(JAR).exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", JAR.toString(), "business-time")
                .directory(workingDirectory.toFile()).start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(("""
                    {"id":"fri","calendar":{"zone":"Europe/Lisbon","week":{"mon":["09:00-21:00"],"tue":["09:00-21:00"],"wed":["09:00-21:00"],"thu":["09:00-21:00"],"fri":["09:00-21:00"]},"holidayRules":[{"country":"PT"}]},"op":"add","at":"2026-11-27T20:00:00Z","seconds":14400}
                    oops
                    {"id":"hol","calendar":{"zone":"Europe/Lisbon","week":{"mon":["09:00-21:00"],"tue":["09:00-21:00"]},"holidayRules":[{"country":"PT"}]},"op":"isOpen","at":"2026-12-01T10:00:00Z"}
                    """).getBytes(StandardCharsets.UTF_8));
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(err).isZero();
        assertThat(out.lines()).containsExactly(
                "{\"id\":\"fri\",\"result\":\"2026-11-30T12:00:00Z\"}",
                "{\"id\":null,\"error\":\"not a JSON object: Unrecognized token 'oops': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\"}",
                "{\"id\":\"hol\",\"result\":false}");
        assertThat(out + err).doesNotContain("Started AtendeApplication").doesNotContain("Tomcat");
        try (var left = Files.list(workingDirectory)) {
            assertThat(left).as("no database was opened").isEmpty();
        }
    }
}
