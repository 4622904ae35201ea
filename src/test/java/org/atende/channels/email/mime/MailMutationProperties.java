package org.atende.channels.email.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atende.support.PropertyCases.between;
import static org.atende.support.PropertyCases.cases;
import static org.atende.support.PropertyCases.frequency;
import static org.atende.support.PropertyCases.listOf;
import static org.atende.support.PropertyCases.pick;
import static org.atende.support.PropertyCases.weight;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

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

    private static final List<String> MAILS = MailCorpus.names();

    /** A corpus mail and what happens to it, in order. */
    record Mutated(String mail, List<Mutation> mutations) {
    }

    /** Bytes that are no mail, shown in hex when a case fails. */
    record Bytes(byte[] raw) {
        @Override
        public String toString() {
            return raw.length + " bytes: " + HexFormat.of().formatHex(raw);
        }
    }

    @TestFactory
    Stream<DynamicTest> readingAMutatedMailNeverThrowsAndGivesACompleteResult() {
        return cases("readingAMutatedMailNeverThrowsAndGivesACompleteResult", 400, MailMutationProperties::mutated, m -> {
            byte[] raw = MailCorpus.bytes(m.mail());
            for (Mutation mutation : m.mutations()) {
                raw = apply(raw, mutation);
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
        });
    }

    @TestFactory
    Stream<DynamicTest> readingBytesThatAreNoMailNeverThrows() {
        return cases("readingBytesThatAreNoMailNeverThrows", 200, MailMutationProperties::noMail, bytes -> {
            ParsedMail mail = MailCorpus.READER.read(bytes.raw());

            assertThat(mail.messageId()).isNotBlank();
            assertThat(mail.subject()).isNotNull();
            if (mail.unreadable() != null) {
                assertThat(mail.kind()).as("what cannot be read opens nothing").isEqualTo(MailKind.AUTOMATED);
            }
        });
    }

    /** 1 to 8 mutations; where and how long on a grid of hundredths, so the very start and end come up. */
    static Mutated mutated(SplittableRandom r) {
        return new Mutated(pick(r, MAILS), listOf(r, 1, 8, x -> new Mutation(between(x, 0, 4),
                between(x, 0, 100) / 100.0, between(x, 0, 30) / 100.0, between(x, 0, 255))));
    }

    /** Up to 255 random bytes; sometimes none, or a single extreme byte. */
    static Bytes noMail(SplittableRandom r) {
        return frequency(r,
                weight(1, new Bytes(new byte[0])),
                weight(1, x -> new Bytes(new byte[] {pick(x, List.of((byte) 0, (byte) 1, (byte) -1, Byte.MIN_VALUE, Byte.MAX_VALUE))})),
                weight(8, x -> {
                    byte[] raw = new byte[between(x, 0, 255)];
                    x.nextBytes(raw);
                    return new Bytes(raw);
                }));
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
