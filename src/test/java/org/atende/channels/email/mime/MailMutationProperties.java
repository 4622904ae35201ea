package org.atende.channels.email.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever happens to a mail on its way (bytes flipped, cut, doubled, MIME tokens thrown in), reading it
 * never throws and always gives a complete result.
 */
class MailMutationProperties {

    /** What the tests do to one corpus mail. */
    record Mutation(int kind, double at, double length, int value) {
    }

    private static final List<byte[]> TOKENS = List.of("\r\n", "\n\n", "--", "=?", "?=", "=?utf-8?b?", ":", ";", "\"", "<", ">",
            "boundary=", "Content-Type: multipart/mixed; boundary=x\r\n", "Content-Transfer-Encoding: base64\r\n", "=\r\n", "*0*=",
            "%", "\u00ff", "\u0000").stream().map(s -> s.getBytes(StandardCharsets.ISO_8859_1)).toList();

    @Property(tries = 400)
    void readingAMutatedMailNeverThrowsAndGivesACompleteResult(@ForAll("mails") String name,
            @ForAll("mutations") List<Mutation> mutations) {
        byte[] raw = MailCorpus.bytes(name);
        for (Mutation m : mutations) {
            raw = apply(raw, m);
        }

        ParsedMail mail = MailCorpus.READER.read(raw);

        assertThat(mail.messageId()).isNotBlank();
        assertThat(mail.subject()).isNotNull();
        assertThat(mail.text()).isNotNull();
        assertThat(mail.newText().length()).isLessThanOrEqualTo(mail.text().length());
        assertThat(mail.kind()).isNotNull();
        assertThat(mail.attachments()).allSatisfy(a -> assertThat(a.filename()).isNotBlank());
        if (mail.html() != null) {
            assertThat(mail.html().toLowerCase()).doesNotContain("<script", "javascript:");
        }
    }

    @Property(tries = 200)
    void readingBytesThatAreNoMailNeverThrows(@ForAll byte[] raw) {
        ParsedMail mail = MailCorpus.READER.read(raw);

        assertThat(mail.messageId()).isNotBlank();
        assertThat(mail.subject()).isNotNull();
        if (mail.unreadable() != null) {
            assertThat(mail.kind()).as("what cannot be read opens nothing").isEqualTo(MailKind.AUTOMATED);
        }
    }

    @Provide
    Arbitrary<String> mails() {
        return Arbitraries.of(MailCorpus.names());
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(0, 0.3), Arbitraries.integers().between(0, 255)).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(8);
    }

    private static byte[] apply(byte[] raw, Mutation m) {
        if (raw.length == 0) {
            return TOKENS.get(m.value() % TOKENS.size());
        }
        int at = (int) (m.at() * (raw.length - 1));
        int length = Math.max(1, (int) (m.length() * (raw.length - at)));
        return switch (m.kind()) {
            case 0 -> { // flip one byte
                byte[] copy = raw.clone();
                copy[at] = (byte) m.value();
                yield copy;
            }
            case 1 -> concat(Arrays.copyOfRange(raw, 0, at), Arrays.copyOfRange(raw, Math.min(raw.length, at + length), raw.length));
            case 2 -> concat(Arrays.copyOfRange(raw, 0, at + length > raw.length ? raw.length : at + length),
                    Arrays.copyOfRange(raw, at, raw.length)); // a stretch written twice
            case 3 -> concat(concat(Arrays.copyOfRange(raw, 0, at), TOKENS.get(m.value() % TOKENS.size())),
                    Arrays.copyOfRange(raw, at, raw.length));
            default -> Arrays.copyOfRange(raw, 0, at); // cut short
        };
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
