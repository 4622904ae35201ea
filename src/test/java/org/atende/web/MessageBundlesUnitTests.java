package org.atende.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The message bundles: each key once per file, and every English key in Portuguese and Spanish too. */
class MessageBundlesUnitTests {

    @Test
    void everyFileNamesEachKeyOnce() throws IOException {
        List<String> duplicates = new ArrayList<>();
        for (Resource file : files()) {
            Set<String> seen = new HashSet<>();
            for (String key : keys(file)) {
                if (!seen.add(key)) {
                    duplicates.add(file.getFilename() + ": " + key);
                }
            }
        }
        assertThat(duplicates).isEmpty();
    }

    @Test
    void everyEnglishKeyIsTranslatedIntoPortugueseAndSpanish() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Resource file : files()) {
            String name = file.getFilename();
            if (name == null || name.contains("_")) {
                continue;
            }
            Set<String> english = new TreeSet<>(keys(file));
            for (String suffix : List.of("_pt", "_es")) {
                Resource translated = file.createRelative(name.replace(".properties", suffix + ".properties"));
                Set<String> there = translated.exists() ? new HashSet<>(keys(translated)) : Set.of();
                english.stream().filter(k -> !there.contains(k)).forEach(k -> missing.add(name + suffix + ": " + k));
            }
        }
        assertThat(missing).isEmpty();
    }

    private static Resource[] files() throws IOException {
        return new PathMatchingResourcePatternResolver().getResources("classpath*:messages/*.properties");
    }

    /** The keys in the order written, continuation lines skipped. */
    private static List<String> keys(Resource file) throws IOException {
        List<String> keys = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
            boolean continued = false;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String trimmed = line.strip();
                boolean starts = !continued && !trimmed.isEmpty() && !trimmed.startsWith("#") && !trimmed.startsWith("!");
                if (starts && trimmed.indexOf('=') > 0) {
                    keys.add(trimmed.substring(0, trimmed.indexOf('=')).strip());
                }
                continued = line.endsWith("\\") && !line.endsWith("\\\\");
            }
        }
        return keys;
    }
}
