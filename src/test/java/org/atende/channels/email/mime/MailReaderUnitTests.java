package org.atende.channels.email.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The corpus of awkward mail under {@code src/test/resources/mail/corpus}: each one read, and read right. */
class MailReaderUnitTests {

    static final MailReader READER = new MailReader(1024 * 1024, Set.of("support@atende.test"), "atende.test");

    static Stream<Path> corpus() throws IOException, URISyntaxException {
        Path dir = Path.of(Objects.requireNonNull(MailReaderUnitTests.class.getResource("/mail/corpus")).toURI());
        return Files.list(dir).filter(p -> p.toString().endsWith(".eml")).sorted();
    }

    static ParsedMail read(String name) {
        try (InputStream in = MailReaderUnitTests.class.getResourceAsStream("/mail/corpus/" + name)) {
            return READER.read(Objects.requireNonNull(in, name).readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theCorpusHoldsAtLeastThirtyMessages() throws Exception {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void readsEveryMessageOfTheCorpusIntoSomethingReadable(Path file) throws IOException {
        ParsedMail mail = READER.read(Files.readAllBytes(file));
        assertThat(mail.messageId()).isNotBlank();
        assertThat(mail.subject()).isNotNull();
        assertThat(!mail.text().isBlank() || !mail.attachments().isEmpty() || mail.kind() != MailKind.HUMAN
                || mail.subject().equals("Vazio")).as(file.getFileName().toString()).isTrue();
        if (mail.html() != null) {
            assertThat(mail.html()).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("javascript:")
                    .doesNotContainIgnoringCase("onerror");
        }
    }

    @Test
    void readsPlainTextInUtf8() {
        ParsedMail mail = read("01-plain-text.eml");
        assertThat(mail.subject()).isEqualTo("Não consigo entrar");
        assertThat(mail.from()).isEqualTo(new MailAddress("ana@cliente.pt", "Ana Silva"));
        assertThat(mail.messageId()).isEqualTo("plain-01@cliente.pt");
        assertThat(mail.text()).contains("desde ontem não consigo entrar");
        assertThat(mail.kind()).isEqualTo(MailKind.HUMAN);
    }

    @Test
    void makesTextFromHtmlWhenThereIsNoTextPart() {
        ParsedMail mail = read("02-html-only.eml");
        assertThat(mail.text()).contains("The PDF export fails with error 500.").contains("Thanks,\nEmma");
        assertThat(mail.html()).contains("<b>PDF export</b>");
    }

    @Test
    void keepsBothReadingsOfAnAlternativeAndShowsTheHtml() {
        ParsedMail mail = read("03-alternative-prefers-html.eml");
        assertThat(mail.html()).contains("<i>reserva duplicada</i>");
        assertThat(mail.text()).isEqualTo("Hay una reserva duplicada en la habitación 12.");
    }

    @Test
    void keepsInlineImagesForCidAndKeepsRemoteImagesFromLoading() {
        ParsedMail mail = read("04-related-inline-image.eml");
        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.inline()).isTrue();
            assertThat(a.contentId()).isEqualTo("shot1@cliente.pt");
            assertThat(a.contentType()).isEqualTo("image/png");
        });
        assertThat(mail.html()).contains("cid:shot1@cliente.pt").doesNotContain(" src=\"https://tracker.example")
                .contains("data-remote-src=\"https://tracker.example/pixel.gif\"");
    }

    @Test
    void decodesRfc2231AndRfc2047FileNames() {
        assertThat(read("05-rfc2231-filename.eml").attachments()).extracting(MailAttachment::filename)
                .containsExactly("Fatura nº 12 – Outubro.pdf");
        assertThat(read("06-rfc2047-filename.eml").attachments()).extracting(MailAttachment::filename)
                .containsExactly("Relatório anual.pdf");
    }

    @Test
    void aPartWithANameButNoDispositionIsAnAttachment() {
        ParsedMail mail = read("07-name-without-disposition.eml");
        assertThat(mail.attachments()).extracting(MailAttachment::filename).containsExactly("clientes.csv");
        assertThat(mail.text()).isEqualTo("Ficheiro de clientes.");
    }

    @Test
    void readsTextWhoseCharsetIsWrongUnknownOrMissing() {
        assertThat(read("08-declared-utf8-is-latin1.eml").text()).isEqualTo("Não funciona a ligação à impressão.");
        assertThat(read("09-unknown-charset.eml").text()).isEqualTo("Olá, não sei que charset é este.");
        assertThat(read("10-eight-bit-no-charset.eml").text()).isEqualTo("Ação pendente: coração, maçã.");
        assertThat(read("13-iso-2022-jp.eml").text()).isEqualTo("こんにちは、サポート");
        assertThat(read("13-iso-2022-jp.eml").subject()).isEqualTo("こんにちは");
    }

    @Test
    void readsBrokenQuotedPrintableAndBase64Leniently() {
        assertThat(read("11-quoted-printable-broken.eml").text()).contains("ção").contains("continua aqui");
        assertThat(read("12-base64-broken.eml").text()).startsWith("Olá, este texto é base64");
    }

    @Test
    void joinsEncodedWordsSplitAcrossLines() {
        ParsedMail mail = read("14-encoded-words-split.eml");
        assertThat(mail.subject()).isEqualTo("Problema con la facturación de noviembre y la línea de crédito");
        assertThat(mail.from()).isEqualTo(new MailAddress("jose@hotelmiramar.es", "José María"));
    }

    @Test
    void keepsAForwardedMailAsAnEmlAndShowsItsText() {
        ParsedMail mail = read("15-forward-as-attachment.eml");
        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("Erro no portal.eml");
            assertThat(a.contentType()).isEqualTo("message/rfc822");
        });
        assertThat(mail.text()).contains("Reencaminho").contains("Forwarded message").contains("erro 503");
        assertThat(read("16-forward-inline.eml").text()).contains("Ainda não foi resolvido.");
    }

    @Test
    void keepsTnefAsItCame() {
        assertThat(read("17-tnef-winmail.eml").attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("winmail.dat");
            assertThat(a.contentType()).isEqualTo("application/ms-tnef");
        });
    }

    @Test
    void givesAMailWithoutMessageIdAStableIdFromItsSource() {
        ParsedMail first = read("18-no-message-id.eml");
        ParsedMail again = read("18-no-message-id.eml");
        assertThat(first.messageIdSynthesized()).isTrue();
        assertThat(first.messageId()).startsWith("sha256-").endsWith("@atende.invalid").isEqualTo(again.messageId());
    }

    @Test
    void survivesDuplicateMalformedAndMissingHeaders() {
        ParsedMail dup = read("19-duplicate-and-malformed-headers.eml");
        assertThat(dup.from()).isNotNull();
        assertThat(dup.date()).isNull();
        assertThat(read("20-missing-from.eml").from()).isNull();
        assertThat(read("21-malformed-from.eml").text()).isEqualTo("Texto.");
        assertThat(read("22-address-group.eml").from()).isNotNull().extracting(MailAddress::address).isEqualTo("ana@cliente.pt");
        assertThat(read("23-very-long-header.eml").subject()).startsWith("Assunto muito longo").hasSizeGreaterThan(1000);
        assertThat(read("41-missing-end-boundary.eml").text()).contains("termina sem a fronteira");
        assertThat(read("43-lf-only-line-endings.eml").text()).isEqualTo("Linhas terminadas só com LF.");
    }

    @Test
    void readsAnEmptyBodyAndAMailThatIsOnlyAnAttachment() {
        assertThat(read("24-empty-body.eml").text()).isEmpty();
        assertThat(read("25-only-attachment.eml").attachments()).extracting(MailAttachment::filename).containsExactly("ecra.png");
        assertThat(read("26-calendar-invite.eml").attachments()).singleElement()
                .satisfies(a -> assertThat(a.contentType()).isEqualTo("text/calendar"));
    }

    @Test
    void findsTheTextAndHtmlOfNestedMultiparts() {
        ParsedMail mail = read("42-nested-multiparts.eml");
        assertThat(mail.text()).isEqualTo("Texto simples aninhado.");
        assertThat(mail.html()).contains("<b>aninhado</b>").contains("cid:logo");
        assertThat(mail.attachments()).extracting(MailAttachment::inline).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void sanitisesHostileHtml() {
        ParsedMail mail = read("27-hostile-html.eml");
        assertThat(mail.html()).doesNotContain("<script", "onclick", "onerror", "javascript:", "<iframe")
                .contains("href=\"https://ok.example/\"").contains("rel=\"nofollow noopener noreferrer\"");
        assertThat(mail.text()).contains("Olá").doesNotContain("alert");
    }

    @Test
    void foldsQuotedHistoryOfGmailOutlookAndAppleReplies() {
        ParsedMail gmail = read("28-gmail-reply.eml");
        assertThat(gmail.newText()).isEqualTo("Já consigo entrar, obrigada!");
        assertThat(gmail.text()).contains("Experimente limpar a cache.");
        assertThat(gmail.inReplyTo()).isEqualTo("t1.m2.abc@atende.test");
        assertThat(gmail.references()).containsExactly("plain-01@cliente.pt", "t1.m2.abc@atende.test");
        assertThat(read("29-outlook-reply.eml").newText()).isEqualTo("It works now, thank you.\n\nEmma");
        assertThat(read("30-apple-reply-split-wrote.eml").newText()).isEqualTo("Perfecto, gracias.");
        assertThat(read("31-reply-above-separator.eml").newText()).isEqualTo("Sim, pode avançar.");
    }

    @Test
    void findsTheReferenceMarkerAndTheSubjectTag() {
        assertThat(ReferenceMarker.find(read("31-reply-above-separator.eml").text())).contains("t4.m9.abc@atende.test");
        assertThat(ReferenceMarker.find(ReferenceMarker.write("t9.m1.x@atende.test") + " quoted")).contains("t9.m1.x@atende.test");
        assertThat(SubjectTag.find(read("28-gmail-reply.eml").subject())).hasValue(1001);
        assertThat(SubjectTag.add("Re: Pedido [#1001]", 1001)).isEqualTo("Re: Pedido [#1001]");
        assertThat(SubjectTag.add("Pedido", 1001)).isEqualTo("Pedido [#1001]");
    }

    @Test
    void tellsOutOfOfficeAnswersFromOtherAutomatedMail() {
        assertThat(read("32-exchange-out-of-office.eml").kind()).isEqualTo(MailKind.OUT_OF_OFFICE);
        assertThat(read("33-gmail-vacation.eml").kind()).isEqualTo(MailKind.OUT_OF_OFFICE);
        for (String automated : List.of("34-auto-generated-notification.eml", "35-mailing-list.eml", "36-precedence-bulk.eml",
                "39-return-path-empty.eml", "40-loop-own-address.eml")) {
            assertThat(read(automated).kind()).as(automated).isEqualTo(MailKind.AUTOMATED);
            assertThat(read(automated).automatedBecause()).as(automated).isNotBlank();
        }
    }

    @Test
    void readsWhichMailABounceIsAbout() {
        ParsedMail dsn = read("37-dsn-bounce.eml");
        assertThat(dsn.kind()).isEqualTo(MailKind.BOUNCE);
        assertThat(dsn.bounce()).isEqualTo(new Bounce("t4.m9.0badc0de@atende.test", "ghost@cliente.pt", "failed", "5.1.1", true,
                "550 5.1.1 <ghost@cliente.pt>: Recipient address rejected: User unknown"));
        ParsedMail qmail = read("38-nonstandard-bounce.eml");
        assertThat(qmail.kind()).isEqualTo(MailKind.BOUNCE);
        assertThat(qmail.bounce()).isNotNull().extracting(Bounce::originalMessageId).isEqualTo("t5.m11.feed@atende.test");
    }

    @Test
    void dropsAnAttachmentOverTheLimitWithANote() {
        byte[] big = new byte[1024 * 1024 + 10];
        String mail = """
                From: ana@cliente.pt\r
                To: support@atende.test\r
                Subject: Grande\r
                Message-ID: <big@cliente.pt>\r
                MIME-Version: 1.0\r
                Content-Type: multipart/mixed; boundary="big"\r
                \r
                --big\r
                Content-Type: text/plain\r
                \r
                Segue o backup.\r
                --big\r
                Content-Type: application/zip; name="backup.zip"\r
                Content-Disposition: attachment; filename="backup.zip"\r
                Content-Transfer-Encoding: base64\r
                \r
                """ + Base64.getMimeEncoder().encodeToString(big).replace("\n", "\n") + "\r\n--big--\r\n";
        ParsedMail parsed = READER.read(mail.getBytes(StandardCharsets.US_ASCII));
        assertThat(parsed.attachments()).isEmpty();
        assertThat(parsed.dropped()).singleElement().asString().contains("backup.zip").contains("1 MB");
        assertThat(parsed.text()).isEqualTo("Segue o backup.");
    }

    @Test
    void neverThrowsOnGarbage() {
        assertThatCode(() -> READER.read(new byte[0])).doesNotThrowAnyException();
        assertThatCode(() -> READER.read("\u0000\u0001garbage\r\n\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)))
                .doesNotThrowAnyException();
    }
}
