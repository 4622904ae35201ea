package org.atende.channels.email.mime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The hand-written mails of {@code src/test/resources/mail/corpus}, one awkward case each, and the
 * reader of a desk whose address is {@code support@atende.example} and whose Message-IDs end in
 * {@code @atende.example}.
 */
final class MailCorpus {

    static final Path DIRECTORY = Path.of("src", "test", "resources", "mail", "corpus");
    static final long TEN_MB = 10L * 1024 * 1024;
    static final MailReader READER = new MailReader(TEN_MB, Set.of("support@atende.example"), "atende.example");

    private MailCorpus() {
    }

    static List<String> names() {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".eml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(DIRECTORY.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ParsedMail read(String name) {
        return READER.read(bytes(name));
    }

    /** A mail written in the test: headers and body joined with CRLF, as they travel. */
    static ParsedMail mail(String... lines) {
        return READER.read(String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8));
    }
}
