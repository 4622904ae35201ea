package org.atende.channels.email.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Damaged mail never breaks the reader: any corpus message with bytes changed, cut or repeated still reads. */
class MailReaderProperties {

    static final List<String> SAMPLES = List.of("03-alternative-prefers-html.eml", "05-rfc2231-filename.eml",
            "14-encoded-words-split.eml", "15-forward-as-attachment.eml", "28-gmail-reply.eml", "37-dsn-bounce.eml",
            "42-nested-multiparts.eml");

    @Property(tries = 300)
    void readsEveryDamagedMessage(@ForAll("damaged") byte[] raw) {
        ParsedMail mail = MailReaderUnitTests.READER.read(raw);
        assertThat(mail.messageId()).isNotBlank();
        assertThat(mail.subject()).isNotNull();
        assertThat(mail.text()).isNotNull();
    }

    @Provide
    Arbitrary<byte[]> damaged() {
        return Arbitraries.of(SAMPLES).flatMap(name -> {
            byte[] original = load(name);
            return Arbitraries.integers().between(0, original.length - 1).list().ofMinSize(1).ofMaxSize(12)
                    .flatMap(positions -> Arbitraries.integers().between(0, 2).map(how -> damage(original, positions, how)));
        });
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
