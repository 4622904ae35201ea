package org.atende.channels.email.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atende.channels.email.mime.MailCorpus.mail;
import static org.atende.channels.email.mime.MailCorpus.read;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What the reader makes of each awkward mail of the corpus, and of a few built here. */
class MailContentUnitTests {

    static String base64(byte[] bytes) {
        return Base64.getMimeEncoder().encodeToString(bytes).replace("\r\n", "\n");
    }

    @Nested
    class Bodies {

        @Test
        void readsAPlainTextMailWithItsAddresses() {
            ParsedMail mail = read("44-plain-text.eml");

            assertThat(mail.messageId()).isEqualTo("CAF=plain.0001@mail.cliente.example");
            assertThat(mail.messageIdSynthesized()).isFalse();
            assertThat(mail.subject()).isEqualTo("Erro ao emitir fatura");
            assertThat(mail.from()).isEqualTo(new MailAddress("ana.souza@cliente.example", "Ana Souza"));
            assertThat(mail.to()).containsExactly(new MailAddress("support@atende.example", "Suporte"),
                    new MailAddress("rui.lima@cliente.example", "Rui, Lima"));
            assertThat(mail.cc()).containsExactly(new MailAddress("financeiro@cliente.example", null));
            assertThat(mail.returnPath()).isEqualTo("<ana.souza@cliente.example>");
            assertThat(mail.date()).isEqualTo(Instant.parse("2026-11-03T10:00:00Z"));
            assertThat(mail.text()).isEqualTo("Bom dia,\n\nAo emitir a fatura n.º 2026/118 aparece o erro \"código inválido\".\n"
                    + "Podem ajudar?\n\nObrigada,\nAna");
            assertThat(mail.html()).isNull();
            assertThat(mail.kind()).isEqualTo(MailKind.HUMAN);
        }

        @Test
        void makesTheTextOfAnHtmlOnlyMailFromItsHtml() {
            ParsedMail mail = read("45-html-only.eml");

            assertThat(mail.text()).isEqualTo("Hola,\n\nDesde ayer no puedo entrar en el portal — dice contraseña incorrecta.\n\n"
                    + "Gracias,\nCarla");
            assertThat(mail.html()).contains("<b>contraseña incorrecta</b>").doesNotContain("Correo", "color");
        }

        @Test
        void prefersHtmlInMultipartAlternativeAndKeepsTheText() {
            ParsedMail mail = read("46-alternative-prefers-html.eml");

            assertThat(mail.html()).isEqualTo("<div>O relatório mensal de <i>outubro</i> sai vazio.</div><div>Pedro</div>\n");
            assertThat(mail.text()).isEqualTo("O relatório mensal de outubro sai vazio.\nPedro");
        }

        @Test
        void keepsTheInlineImageOfMultipartRelatedUnderItsContentId() {
            ParsedMail mail = read("47-related-inline-cid-image.eml");

            assertThat(mail.attachments()).singleElement().satisfies(image -> {
                assertThat(image.filename()).isEqualTo("image-1.png");
                assertThat(image.contentType()).isEqualTo("image/png");
                assertThat(image.contentId()).isEqualTo("captura.png@01DC0004");
                assertThat(image.inline()).isTrue();
                assertThat(Arrays.copyOf(image.bytes(), 4)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            });
            assertThat(mail.html()).contains("<img src=\"cid:captura.png@01DC0004\" alt=\"captura\">");
        }

        @Test
        void keepsRemoteImagesFromLoadingAndNamesTheirAddress() {
            String html = read("47-related-inline-cid-image.eml").html();

            assertThat(html).contains("data-remote-src=\"https://tracker.example/open.gif?u=marta\"")
                    .doesNotContain(" src=\"https://tracker.example");
        }

        @Test
        void readsAMailWithAnEmptyBody() {
            ParsedMail mail = read("67-empty-body.eml");

            assertThat(mail.text()).isEmpty();
            assertThat(mail.newText()).isEmpty();
            assertThat(mail.attachments()).isEmpty();
            assertThat(mail.subject()).isEqualTo("Vazio");
        }

        @Test
        void readsAMailThatIsOnlyAnAttachment() {
            ParsedMail mail = read("68-only-attachment.eml");

            assertThat(mail.text()).isEmpty();
            assertThat(mail.attachments()).singleElement().satisfies(pdf -> {
                assertThat(pdf.filename()).isEqualTo("scan_0001.pdf");
                assertThat(new String(pdf.bytes(), StandardCharsets.US_ASCII)).startsWith("%PDF-1.4");
            });
        }

        @Test
        void keepsACalendarInviteAsAnIcsFileBesideTheText() {
            ParsedMail mail = read("69-calendar-invite.eml");

            assertThat(mail.text()).isEqualTo("Revisão do contrato, 20 de novembro às 10h.");
            assertThat(mail.html()).contains("<b>20 de novembro</b>");
            assertThat(mail.attachments()).singleElement().satisfies(ics -> {
                assertThat(ics.contentType()).isEqualTo("text/calendar");
                assertThat(ics.filename()).endsWith(".ics");
                assertThat(new String(ics.bytes(), StandardCharsets.UTF_8))
                        .contains("METHOD:REQUEST", "SUMMARY;LANGUAGE=pt-PT:Revisão do contrato");
            });
        }

        @Test
        void keepsAForwardedMailAsEmlAndAppendsItsText() {
            ParsedMail mail = read("58-forward-as-attachment.eml");

            assertThat(mail.attachments()).singleElement().satisfies(eml -> {
                assertThat(eml.filename()).isEqualTo("Fatura FT 2026_991.eml");
                assertThat(eml.contentType()).isEqualTo("message/rfc822");
                assertThat(new String(eml.bytes(), StandardCharsets.UTF_8)).as("its own files stay inside")
                        .contains("Message-ID: <inner-0015@fornecedor.example>", "filename=\"FT-2026-991.pdf\"");
            });
            assertThat(mail.text()).isEqualTo("Esta fatura não aparece no portal. Podem verificar?\n\n"
                    + "---------- Forwarded message ----------\nFrom: Fornecedor <faturacao@fornecedor.example>\n"
                    + "Date: Mon, 2 Nov 2026 08:00:00 +0000\nSubject: Fatura FT 2026/991\n\nJunto enviamos a fatura FT 2026/991.");
            assertThat(mail.newText()).isEqualTo("Esta fatura não aparece no portal. Podem verificar?");
        }

        @Test
        void keepsAnInlineForwardInTheTextOnly() {
            ParsedMail mail = read("59-forward-inline.eml");

            assertThat(mail.text()).contains("A sua conta será suspensa em 5 dias.");
            assertThat(mail.newText()).isEqualTo("Recebemos isto, mas temos o plano pago. É engano?");
            assertThat(mail.attachments()).isEmpty();
        }

        @Test
        void joinsTheSoftLineBreaksOfFlowedText() {
            ParsedMail mail = read("74-apple-mail-on-wrote.eml");

            assertThat(mail.text()).startsWith("Perfecto, ya exporta bien. Una duda más: ¿se puede exportar también el histórico?\n")
                    .contains("On 12 Nov 2026, at 11:00, Atende <support@atende.example> wrote:\n")
                    .contains("> Ya está corregida la exportación, con el histórico incluido.\n>\n");
        }

        @Test
        void stopsReadingMailNestedBeyondReason() {
            StringBuilder raw = new StringBuilder("From: a@cliente.example\r\nSubject: nested\r\n");
            for (int i = 0; i < 300; i++) {
                raw.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n--b").append(i).append("\r\n");
            }
            raw.append("Content-Type: text/plain\r\n\r\ndeep inside\r\n");
            ParsedMail mail = MailCorpus.READER.read(raw.toString().getBytes(StandardCharsets.US_ASCII));

            assertThat(mail.unreadable()).isNull();
            assertThat(mail.subject()).isEqualTo("nested");
            assertThat(mail.text()).isEqualTo("[the rest of this mail nests too deep or has too many parts to read]");
        }

        @Test
        void stopsReadingForwardsNestedBeyondReason() {
            String raw = "Subject: innermost\r\nFrom: a@cliente.example\r\n\r\nthe end\r\n";
            for (int i = 0; i < 200; i++) {
                raw = "From: a@cliente.example\r\nSubject: level " + i + "\r\nContent-Type: message/rfc822\r\n\r\n" + raw;
            }
            ParsedMail mail = MailCorpus.READER.read(raw.getBytes(StandardCharsets.US_ASCII));

            assertThat(mail.subject()).isEqualTo("level 199");
            assertThat(mail.text()).contains("Subject: level 198", "nests too deep").doesNotContain("the end");
        }
    }

    @Nested
    class Attachments {

        @Test
        void decodesRfc2231FilenamesAcrossContinuationsAndCharsets() {
            assertThat(read("48-rfc2231-filename-continuations.eml").attachments()).extracting(MailAttachment::filename)
                    .containsExactly("Relação de faturas março.pdf", "Lançamentos.csv");
        }

        @Test
        void decodesRfc2047Filenames() {
            assertThat(read("49-rfc2047-filename.eml").attachments()).extracting(MailAttachment::filename)
                    .containsExactly("Orçamento nº 7.xlsx");
        }

        @Test
        void takesNamedPartsWithoutDispositionForAttachmentsNotText() {
            ParsedMail mail = read("50-name-without-disposition.eml");

            assertThat(mail.attachments()).extracting(MailAttachment::filename)
                    .containsExactly("contrato assinado.pdf", "dados.csv", "Proposta final v2.pdf");
            assertThat(mail.text()).isEqualTo("Envio o contrato assinado e os dados.");
        }

        @Test
        void keepsTnefWinmailDatAsItCame() {
            assertThat(read("60-tnef-winmail.eml").attachments()).singleElement().satisfies(tnef -> {
                assertThat(tnef.filename()).isEqualTo("winmail.dat");
                assertThat(tnef.contentType()).isEqualTo("application/ms-tnef");
                assertThat(Arrays.copyOf(tnef.bytes(), 4)).isEqualTo(new byte[] {0x78, (byte) 0x9f, 0x3e, 0x22});
            });
        }

        @Test
        void readsUnquotedParametersAndBoundariesWithSpaces() {
            ParsedMail mail = read("87-unquoted-boundary-and-parameters.eml");

            assertThat(mail.text()).isEqualTo("Texto do programa antigo.");
            assertThat(mail.attachments()).extracting(MailAttachment::filename).containsExactly("Relatorio anual 2026.xlsx");
        }

        @Test
        void keepsWhatArrivedOfAMultipartWithoutItsEndBoundary() {
            ParsedMail mail = read("88-missing-end-boundary.eml");

            assertThat(mail.text()).isEqualTo("O texto chega inteiro.");
            assertThat(mail.attachments()).singleElement()
                    .satisfies(pdf -> assertThat(new String(pdf.bytes(), StandardCharsets.US_ASCII)).startsWith("%PDF-1.4"));
        }

        @Test
        void dropsAnAttachmentOverTheLimitWithANoteOfItsNameAndSize() {
            byte[] big = new byte[11 * 1024 * 1024];
            Arrays.fill(big, (byte) 7);
            ParsedMail mail = mail("From: Ana <ana@cliente.example>", "Subject: Backup", "Message-ID: <big@cliente.example>",
                    "Content-Type: multipart/mixed; boundary=\"big\"", "", "--big", "Content-Type: text/plain", "", "Segue o backup.",
                    "--big", "Content-Type: application/octet-stream; name=\"backup.bin\"", "Content-Transfer-Encoding: base64", "",
                    base64(big), "--big", "Content-Type: image/png; name=\"small.png\"", "Content-Transfer-Encoding: base64", "",
                    base64(new byte[] {1, 2, 3}), "--big--", "");

            assertThat(mail.dropped()).containsExactly("backup.bin (11 MB) was not kept: it is larger than the 10 MB limit");
            assertThat(mail.attachments()).extracting(MailAttachment::filename).containsExactly("small.png");
            assertThat(mail.text()).isEqualTo("Segue o backup.");
        }

        @Test
        void namesFilesThatCameWithoutANameAndStripsFoldersFromNames() {
            ParsedMail mail = mail("From: a@cliente.example", "Subject: files", "Content-Type: multipart/mixed; boundary=\"f\"", "",
                    "--f", "Content-Type: image/jpeg", "Content-Disposition: attachment", "", "jpeg", "--f",
                    "Content-Type: application/octet-stream", "", "bytes", "--f",
                    "Content-Type: application/pdf; name=\"..\\\\..\\\\Windows\\\\evil.pdf\"", "", "pdf", "--f",
                    "Content-Type: application/pdf; name=\"/etc/passwd\"", "", "pdf", "--f--", "");

            assertThat(mail.attachments()).extracting(MailAttachment::filename)
                    .containsExactly("image-1.jpg", "attachment-2.bin", "evil.pdf", "passwd");
            assertThat(mail.attachments().getFirst().inline()).as("an image marked as an attachment").isFalse();
        }

        @Test
        void leavesSignaturesOut() {
            ParsedMail mail = mail("From: a@cliente.example", "Subject: signed",
                    "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; boundary=\"s\"", "", "--s",
                    "Content-Type: text/plain", "", "Assinado.", "--s", "Content-Type: application/pkcs7-signature; name=\"smime.p7s\"",
                    "Content-Disposition: attachment; filename=\"smime.p7s\"", "", "MIAGCSqGSIb3DQEHAqCAMIACAQEx", "--s--", "");

            assertThat(mail.text()).isEqualTo("Assinado.");
            assertThat(mail.attachments()).isEmpty();
        }
    }

    @Nested
    class Charsets {

        @Test
        void readsLatin1BytesLabelledUtf8() {
            assertThat(read("51-wrong-charset-utf8-is-latin1.eml").text()).isEqualTo("Não consigo aceder à fatura de março.\nObrigado");
        }

        @Test
        void readsAnUnknownCharsetAsUtf8InBodyAndHeaders() {
            ParsedMail mail = read("52-unknown-charset.eml");

            assertThat(mail.subject()).isEqualTo("Contraseña caducada");
            assertThat(mail.from()).isEqualTo(new MailAddress("beatriz@cliente.example", "Beatriz Fernández"));
            assertThat(mail.text()).isEqualTo("La contraseña ha caducado y no llega el correo de recuperación.");
        }

        @Test
        void readsEightBitTextWithoutAnyCharsetInBodyAndHeaders() {
            ParsedMail mail = read("53-no-charset-8bit.eml");

            assertThat(mail.subject()).isEqualTo("Sincronização falhou às 9h");
            assertThat(mail.text()).isEqualTo("A sincronização falhou às 9h com \"erro de ligação\".");
        }

        @Test
        void readsLatin1AsWindows1252() {
            ParsedMail mail = read("90-latin1-label-windows-1252.eml");

            assertThat(mail.subject()).isEqualTo("Preço em €");
            assertThat(mail.text()).isEqualTo("O preço é 100 € – “final”.");
        }

        @Test
        void readsIso2022Jp() {
            ParsedMail mail = read("56-iso-2022-jp.eml");

            assertThat(mail.subject()).isEqualTo("ログインできません");
            assertThat(mail.from()).isEqualTo(new MailAddress("yamada@cliente.example", "山田太郎"));
            assertThat(mail.text()).isEqualTo("お世話になっております。ログインできません。");
        }

        @Test
        void decodesEncodedWordsSplitInsideACharacterAcrossFoldedLines() {
            ParsedMail mail = read("57-encoded-subject-split.eml");

            assertThat(mail.subject()).isEqualTo("Re: Não recebi a confirmação da reunião");
            assertThat(mail.from()).isEqualTo(new MailAddress("jm.pena@cliente.example", "José María Peña"));
        }

        @Test
        void decodesEncodedWordsGluedToTextAndToEachOther() {
            assertThat(EncodedWords.decode("Re:=?utf-8?q?Atualiza=C3=A7=C3=A3o?==?utf-8?q?_urgente?=")).isEqualTo("Re:Atualização urgente");
            assertThat(EncodedWords.decode("=?utf-8?b?T2zDoQ?= =?iso-8859-1?q?_Jo=E3o?= !")).isEqualTo("Olá João !");
            assertThat(EncodedWords.decode("=?utf-8?q?broken=ZZ_end?=")).isEqualTo("broken=ZZ end");
        }

        @Test
        void readsBrokenQuotedPrintableAsWritten() {
            ParsedMail mail = read("54-quoted-printable-errors.eml");

            assertThat(mail.subject()).isEqualTo("Erro na exportação");
            assertThat(mail.text()).isEqualTo("A exportação dá erro 50% das vezes =ZZ e o total =3 fica errado.\nLinha final sem quebra");
        }

        @Test
        void readsBrokenBase64AsFarAsItGoes() {
            ParsedMail mail = read("55-base64-errors.eml");

            assertThat(mail.text()).isEqualTo("O servidor devolve erro 500 ao guardar.");
            assertThat(mail.attachments()).singleElement().satisfies(log -> assertThat(new String(log.bytes(), StandardCharsets.UTF_8))
                    .startsWith("2026-11-07 ERROR save failed\nSTACK trace"));
        }

        @Test
        void readsAnUnknownTransferEncodingAsPlainBytes() {
            assertThat(read("89-unknown-transfer-encoding.eml").text()).isEqualTo("Texto legivel apesar da codificacao.");
        }

        @Test
        void decodesPartsWhoseTransferEncodingJakartaMailRefuses() {
            assertThat(PartContent.quotedPrintable("a=3Db =\r\nc =G1 d=".getBytes(StandardCharsets.US_ASCII)))
                    .isEqualTo("a=b c =G1 d=".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(EncodedWords.base64("T2zDoSBtdW5k*bw!"), StandardCharsets.UTF_8)).isEqualTo("Olá mundo");
        }

        @Test
        void readsTheCharsetOfAnHtmlPartFromItsMetaTag() {
            byte[] head = "From: a@cliente.example\r\nSubject: meta\r\nContent-Type: text/html\r\n\r\n<meta charset=\"iso-8859-1\"><p>"
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] body = "Informação</p>".getBytes(StandardCharsets.ISO_8859_1);
            byte[] raw = Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, raw, head.length, body.length);

            assertThat(MailCorpus.READER.read(raw).text()).isEqualTo("Informação");
        }
    }

    @Nested
    class Headers {

        @Test
        void synthesizesAStableIdForAMailWithoutOne() {
            byte[] raw = MailCorpus.bytes("61-no-message-id.eml");
            ParsedMail mail = MailCorpus.READER.read(raw);
            byte[] other = Arrays.copyOf(raw, raw.length + 1);
            other[raw.length] = '\n';

            assertThat(mail.messageIdSynthesized()).isTrue();
            assertThat(mail.messageId()).matches("sha256-[0-9a-f]{64}@atende\\.invalid");
            assertThat(MailCorpus.READER.read(raw).messageId()).isEqualTo(mail.messageId());
            assertThat(MailCorpus.READER.read(other).messageId()).isNotEqualTo(mail.messageId());
        }

        @Test
        void takesTheFirstOfDuplicatedHeadersAndReadsBareIds() {
            ParsedMail mail = read("62-duplicate-malformed-headers.eml");

            assertThat(mail.subject()).isEqualTo("Primeiro assunto");
            assertThat(mail.from()).isEqualTo(new MailAddress("eva@cliente.example", "Eva Nunes"));
            assertThat(mail.messageId()).isEqualTo("dup-0019@cliente.example");
            assertThat(mail.inReplyTo()).isEqualTo("orig-0019@atende.example");
            assertThat(mail.references()).containsExactly("orig-0018@atende.example", "orig-0019@atende.example");
            assertThat(mail.date()).as("a date that is no date").isNull();
        }

        @Test
        void leavesTheSenderUnknownWhenFromIsMissingButKeepsReplyTo() {
            ParsedMail mail = read("63-missing-from.eml");

            assertThat(mail.from()).isNull();
            assertThat(mail.replyTo()).isEqualTo(new MailAddress("helpdesk@cliente.example", "Help Desk Cliente"));
        }

        @Test
        void takesTheSenderHeaderWhenThereIsNoFrom() {
            assertThat(mail("Sender: Robo <robo@cliente.example>", "Subject: x", "", "y").from())
                    .isEqualTo(new MailAddress("robo@cliente.example", "Robo"));
        }

        @Test
        void leavesAnUnreadableFromUnknownRatherThanGuessing() {
            ParsedMail mail = read("64-malformed-from.eml");

            assertThat(mail.from()).isNull();
            assertThat(mail.to()).containsExactly(new MailAddress("support@atende.example", null));
            assertThat(mail.text()).isEqualTo("O endereço do remetente está mal escrito.");
        }

        @Test
        void opensUpAddressGroups() {
            ParsedMail mail = read("65-address-groups.eml");

            assertThat(mail.to()).containsExactly(new MailAddress("joao@cliente.example", null),
                    new MailAddress("maria@cliente.example", "Silva, Maria"), new MailAddress("support@atende.example", null));
            assertThat(mail.cc()).isEmpty();
        }

        @Test
        void readsVeryLongHeadersAndKeepsTheRootAndLatestReferences() {
            ParsedMail mail = read("66-long-header-lines.eml");

            assertThat(mail.subject()).startsWith("Problema palavra0 palavra1").endsWith("palavra249").hasSizeGreaterThan(2000);
            assertThat(mail.references()).hasSize(100);
            assertThat(mail.references().getFirst()).startsWith("ref-000.");
            assertThat(mail.references().get(1)).startsWith("ref-031.");
            assertThat(mail.references().getLast()).startsWith("ref-129.");
            assertThat(mail.inReplyTo()).isEqualTo(mail.references().getLast());
        }

        @Test
        void keepsTheHeadersClassificationReads() {
            assertThat(read("76-oof-exchange.eml").headers()).containsEntry("auto-submitted", "auto-generated")
                    .containsEntry("x-auto-response-suppress", "All").containsEntry("return-path", "<>")
                    .containsKey("x-ms-exchange-inbox-rules-loop").doesNotContainKey("subject");
        }
    }

    @Nested
    class Sanitising {

        @Test
        void removesScriptsEventHandlersFramesFormsAndJavascriptLinks() {
            String html = read("70-html-script-onerror-javascript.eml").html();

            assertThat(html).doesNotContainIgnoringCase("script").doesNotContain("steal", "alert", "on" + "load", "on" + "click",
                    "on" + "error", "iframe", "<form", "<input", "style", "evil.example", "<svg");
            assertThat(html).contains("<a href=\"https://docs.example/ajuda\" rel=\"nofollow noopener noreferrer\">Ajuda</a>")
                    .contains("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"ok\">");
        }

        @Test
        void leavesScriptTextOutOfTheText() {
            assertThat(read("70-html-script-onerror-javascript.eml").text()).isEqualTo("Olá clique ou aqui.\n\nAjuda")
                    .doesNotContain("document.cookie");
        }
    }

    @Nested
    class Unreadable {

        @Test
        void tellsEmptyInputIsNoMail() {
            ParsedMail mail = MailCorpus.READER.read(new byte[0]);

            assertThat(mail.unreadable()).isEqualTo("it has no mail headers");
            assertThat(mail.kind()).isEqualTo(MailKind.AUTOMATED);
            assertThat(mail.automatedBecause()).isEqualTo("unreadable: it has no mail headers");
            assertThat(mail.messageIdSynthesized()).isTrue();
            assertThat(mail.subject()).isEmpty();
        }

        @Test
        void tellsBinaryNoiseIsNoMail() {
            byte[] noise = new byte[4096];
            for (int i = 0; i < noise.length; i++) {
                noise[i] = (byte) (i * 31 % 9); // control bytes and line breaks, never a colon
            }
            assertThat(MailCorpus.READER.read(noise).unreadable()).isEqualTo("it has no mail headers");
        }

        @Test
        void refusesANonPositiveAttachmentLimit() {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MailReader(0, Set.of(), "x"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
        }
    }
}
