package org.atende.channels.email.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atende.support.PropertyCases.between;
import static org.atende.support.PropertyCases.cases;
import static org.atende.support.PropertyCases.listOf;
import static org.atende.support.PropertyCases.pick;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Damaged mail never breaks the reader: any corpus message with bytes changed, cut or repeated still reads. */
class MailReaderProperties {

    static final List<String> SAMPLES = List.of("03-alternative-prefers-html.eml", "05-rfc2231-filename.eml",
            "14-encoded-words-split.eml", "15-forward-as-attachment.eml", "28-gmail-reply.eml", "37-dsn-bounce.eml",
            "42-nested-multiparts.eml", "94-from-without-brackets.eml", "95-multipart-without-boundary-lines.eml",
            "96-mixed-text-and-html-parts.eml", "97-iso-2022-jp-nec-unlabelled.eml", "98-raw-shift-jis-headers.eml",
            "99-uuencode-and-eml-as-octet-stream.eml");

    static final Map<String, byte[]> ORIGINALS = SAMPLES.stream()
            .collect(Collectors.toMap(Function.identity(), MailReaderProperties::load));

    /** A sample and how it is damaged: bytes changed at the positions, cut at the first, or a stretch repeated. */
    record Damage(String sample, List<Integer> positions, int how) {
        byte[] raw() {
            return damage(ORIGINALS.get(sample), positions, how);
        }
    }

    @TestFactory
    Stream<DynamicTest> readsEveryDamagedMessage() {
        return cases("readsEveryDamagedMessage", 300, MailReaderProperties::damaged, d -> {
            ParsedMail mail = MailReaderUnitTests.READER.read(d.raw());
            assertThat(mail.messageId()).isNotBlank();
            assertThat(mail.subject()).isNotNull();
            assertThat(mail.text()).isNotNull();
        });
    }

    static Damage damaged(SplittableRandom r) {
        String sample = pick(r, SAMPLES);
        int length = ORIGINALS.get(sample).length;
        return new Damage(sample, listOf(r, 1, 12, x -> between(x, 0, length - 1)), between(r, 0, 2));
    }

    private static byte[] damage(byte[] original, List<Integer> positions, int how) {
        byte[] copy = original.clone();
        return switch (how) {
            case 0 -> { // random bytes
                for (int p : positions) {
                    copy[p] = (byte) (copy[p] ^ (31 * p + 7));
                }
                yield copy;
            }
            case 1 -> java.util.Arrays.copyOf(copy, positions.getFirst()); // cut short
            default -> { // a stretch repeated
                int from = positions.getFirst();
                int len = Math.min(200, copy.length - from);
                byte[] longer = new byte[copy.length + len];
                System.arraycopy(copy, 0, longer, 0, from + len);
                System.arraycopy(copy, from, longer, from + len, copy.length - from);
                yield longer;
            }
        };
    }

    private static byte[] load(String name) {
        try (InputStream in = MailReaderProperties.class.getResourceAsStream("/mail/corpus/" + name)) {
            return Objects.requireNonNull(in).readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
