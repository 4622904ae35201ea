package org.atende.channels.email.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atende.channels.email.mime.MailCorpus.mail;
import static org.atende.channels.email.mime.MailCorpus.read;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shapes of real-world mail that came out wrong: each read right, or kept for a person to read. */
class MailRealWorldUnitTests {

    static ParsedMail from(String from) {
        return mail("From: " + from, "To: support@atende.example", "Subject: x", "Message-ID: <f@cliente.example>", "", "Texto.");
    }

    @Nested
    class AddressForms {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
                Ana Silva ana@cliente.pt                                  | ana@cliente.pt          | Ana Silva
                ops@intranet                                              | ops@intranet            | null
                "Silva, Ana" <ana@cliente.pt>                             | ana@cliente.pt          | Silva, Ana
                "Silva, Ana" ana@cliente.pt                               | ana@cliente.pt          | Silva, Ana
                ana@cliente.pt (Ana Silva)                                | ana@cliente.pt          | Ana Silva
                Equipa: ana@cliente.pt, pedro@cliente.pt;                 | ana@cliente.pt          | null
                =?utf-8?q?Jos=C3=A9_Mar=C3=ADa?= <jose@hotel.es>           | jose@hotel.es           | José María
                =?iso-8859-1?q?Jo=E3o?= joao@cliente.pt                   | joao@cliente.pt         | João
                Jürgen Müller <jurgen@xn--mller-kva.de>                   | jurgen@müller.de        | Jürgen Müller
                <ANA@Cliente.PT>                                          | ana@cliente.pt          | null
                ana@cliente.pt, pedro@cliente.pt                          | ana@cliente.pt          | null
                Ana Silva <ana@cliente.pt                                 | ana@cliente.pt          | Ana Silva
                """)
        void readsTheAddressFormsPeopleSend(String header, String address, String name) {
            assertThat(from(header).from()).isEqualTo(new MailAddress(address, name));
        }

        @Test
        void readsAnIdnDomainWrittenInUnicode() {
            byte[] raw = RawMail.of("From: ").in("UTF-8", "Jürgen <j@müller.de>").ascii("\nSubject: x\n\nTexto.\n").bytes();
            assertThat(MailCorpus.READER.read(raw).from()).isEqualTo(new MailAddress("j@müller.de", "Jürgen"));
        }

        @Test
        void findsTheSenderOfAMailWithoutAngleBracketsAndKeepsItsPdf() {
            ParsedMail mail = read("94-from-without-brackets.eml");

            assertThat(mail.from()).isEqualTo(new MailAddress("ana@cliente.example", "Ana Silva"));
            assertThat(mail.attachments()).singleElement().satisfies(pdf -> {
                assertThat(pdf.filename()).isEqualTo("fatura-novembro.pdf");
                assertThat(pdf.contentType()).isEqualTo("application/pdf");
            });
            assertThat(mail.noAnswer()).isNull();
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                =?utf-8?b?YWRtaW5AYmFuay5leGFtcGxl?=
                =?utf-8?q?ceo=40bank.example?=@cliente.pt
                =?utf-8?q?ana=40cliente.pt?=
                ana at cliente.pt
                "Ana" <ana@exa mple.com
                undisclosed-recipients:;
                """)
        void neverTakesAnAddressFromAnEncodedWordOrFromWhatIsNoAddress(String header) {
            ParsedMail mail = from(header);

            assertThat(mail.from()).isNull();
            assertThat(mail.noAnswer()).isEqualTo("no readable sender");
            assertThat(mail.fromWritten()).isEqualTo(header);
        }

        @Test
        void dropsADisplayNameThatHidesAnotherAddress() {
            assertThat(from("=?utf-8?q?ceo=40bank.example?= <mallory@evil.example>").from())
                    .isEqualTo(new MailAddress("mallory@evil.example", null));
            assertThat(from("=?utf-8?q?ana=40cliente.pt?= <ana@cliente.pt>").from()).as("the same address is harmless")
                    .isEqualTo(new MailAddress("ana@cliente.pt", "ana@cliente.pt"));
        }
    }

    @Nested
    class Bodies {

        @Test
        void readsAMultipartWithoutBoundaryLinesAsItsText() {
            ParsedMail mail = read("95-multipart-without-boundary-lines.eml");

            assertThat(mail.text()).isEqualTo("Bom dia,\no programa de faturas enviou isto sem as linhas de fronteira.\nObrigado, Rui");
            assertThat(mail.text()).doesNotContain("Exception", "could not be read", "boundary");
        }

        @Test
        void readsTheBoundaryTheBodyUsesWhenTheHeaderNamesAnother() {
            ParsedMail mail = mail("From: a@cliente.example", "Subject: fronteira", "Content-Type: multipart/mixed; boundary=\"declared\"", "",
                    "--used", "Content-Type: text/plain", "", "O texto.", "--used", "Content-Type: application/pdf; name=\"a.pdf\"",
                    "Content-Transfer-Encoding: base64", "", "JVBERi0xLjQK", "--used--", "");

            assertThat(mail.text()).isEqualTo("O texto.");
            assertThat(mail.attachments()).extracting(MailAttachment::filename).containsExactly("a.pdf");
        }

        @Test
        void keepsEveryBodyPartOfAMixedMailInOrder() {
            ParsedMail mail = read("96-mixed-text-and-html-parts.eml");

            assertThat(mail.text()).isEqualTo("Primeira parte: o erro aparece ao guardar.\n\nSegunda parte: também ao imprimir.");
            assertThat(mail.html()).isEqualTo("<div>Primeira parte: o erro aparece ao guardar.</div>"
                    + "<p>Segunda parte: <b>também</b> ao imprimir.</p>");
        }

        @Test
        void keepsTextAndHtmlPartsAroundAnInlineImageInOrder() {
            ParsedMail mail = mail("From: a@cliente.example", "Subject: apple", "Content-Type: multipart/mixed; boundary=\"a\"", "", "--a",
                    "Content-Type: text/html", "", "<div>antes</div>", "--a", "Content-Type: image/png; name=\"x.png\"",
                    "Content-Disposition: inline", "Content-Transfer-Encoding: base64", "", "iVBORw0KGgo=", "--a",
                    "Content-Type: text/plain", "", "depois", "--a--", "");

            assertThat(mail.text()).isEqualTo("antes\n\ndepois");
            assertThat(mail.html()).isEqualTo("<div>antes</div><div>depois</div>");
        }
    }

    @Nested
    class Charsets {

        @Test
        void readsAnUnlabelledIso2022JpBodyWithNecAndIbmExtensionCharacters() {
            ParsedMail mail = read("97-iso-2022-jp-nec-unlabelled.eml");

            assertThat(mail.subject()).isEqualTo("①の件について");
            assertThat(mail.from()).isEqualTo(new MailAddress("takahashi@cliente.example", "髙橋一郎"));
            assertThat(mail.text()).isEqualTo("お世話になっております。㈱山田商事の髙橋です。\n①と②の請求書が届きません。");
        }

        @Test
        void readsRawShiftJisInSubjectAndFrom() {
            ParsedMail mail = read("98-raw-shift-jis-headers.eml");

            assertThat(mail.subject()).isEqualTo("ログインできません");
            assertThat(mail.from()).isEqualTo(new MailAddress("yamada@cliente.example", "山田太郎"));
            assertThat(mail.text()).isEqualTo("パスワードを変更してからログインできません。");
        }

        @Test
        void readsRawGbkInSubjectAndFromOfAnUnlabelledMail() {
            byte[] raw = RawMail.of("From: ").in("GBK", "张伟").ascii(" <zhang@kehu.example>\nSubject: ").in("GBK", "无法登录系统")
                    .ascii("\nMessage-ID: <gbk@kehu.example>\nContent-Type: text/plain\nContent-Transfer-Encoding: 8bit\n\n")
                    .in("GBK", "您好，我的账户无法登录系统，请帮忙处理。谢谢！\r\n").bytes();
            ParsedMail mail = MailCorpus.READER.read(raw);

            assertThat(mail.subject()).isEqualTo("无法登录系统");
            assertThat(mail.from()).isEqualTo(new MailAddress("zhang@kehu.example", "张伟"));
            assertThat(mail.text()).isEqualTo("您好，我的账户无法登录系统，请帮忙处理。谢谢！");
        }

        @Test
        void readsRawGbkInAHeaderOfAMailThatSaysGbkForItsBody() {
            byte[] raw = RawMail.of("From: ").in("GBK", "李娜").ascii(" <li@kehu.example>\nSubject: ").in("GBK", "发票")
                    .ascii("\nContent-Type: text/plain; charset=gb2312\nContent-Transfer-Encoding: base64\n\n")
                    .ascii(java.util.Base64.getMimeEncoder().encodeToString("请发送发票。".getBytes(java.nio.charset.Charset.forName("GBK"))))
                    .ascii("\n").bytes();
            ParsedMail mail = MailCorpus.READER.read(raw);

            assertThat(mail.subject()).isEqualTo("发票");
            assertThat(mail.from().name()).isEqualTo("李娜");
            assertThat(mail.text()).isEqualTo("请发送发票。");
        }

        @Test
        void readsWindows1252LabelledIso88591InHeadersAndBody() {
            byte[] raw = RawMail.of("From: =?iso-8859-1?q?Jo=E3o_=93JP=94?= <jp@cliente.pt>\nSubject: =?iso-8859-1?q?Pre=E7o_=80_100?=\n")
                    .ascii("Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit\n\n")
                    .in("windows-1252", "O preço é 100 € – “final”.\r\n").bytes();
            ParsedMail mail = MailCorpus.READER.read(raw);

            assertThat(mail.subject()).isEqualTo("Preço € 100");
            assertThat(mail.from().name()).isEqualTo("João “JP”");
            assertThat(mail.text()).isEqualTo("O preço é 100 € – “final”.");
        }

        @Test
        void leavesLatinTextWithoutALabelLatin() {
            for (String latin : List.of("Ação pendente: coração, maçã.", "Sincronização falhou às 9h", "Contraseña caducada", "Préstamo año")) {
                byte[] raw = RawMail.of("Subject: ").in("windows-1252", latin).ascii("\n\n").in("windows-1252", latin).bytes();
                ParsedMail mail = MailCorpus.READER.read(raw);
                assertThat(mail.subject()).isEqualTo(latin);
                assertThat(mail.text()).isEqualTo(latin);
            }
        }

        @Test
        void findsIso2022JpByItsEscapesAndTheEastAsianCharsetsByDetection() {
            assertThat(TextDecoding.decode("ログイン".getBytes(java.nio.charset.Charset.forName("ISO-2022-JP")), null)).isEqualTo("ログイン");
            assertThat(TextDecoding.decode("パスワードを忘れました。再設定をお願いします。".getBytes(java.nio.charset.Charset.forName("EUC-JP")), null))
                    .isEqualTo("パスワードを忘れました。再設定をお願いします。");
            assertThat(TextDecoding.decode("비밀번호를 잊어버렸습니다".getBytes(java.nio.charset.Charset.forName("EUC-KR")), null))
                    .isEqualTo("비밀번호를 잊어버렸습니다");
            assertThat(TextDecoding.decode("Не могу войти в систему, пароль не подходит".getBytes(java.nio.charset.Charset.forName("windows-1251")), null))
                    .isEqualTo("Не могу войти в систему, пароль не подходит");
        }
    }

    @Nested
    class Attachments {

        @Test
        void decodesAnXUuencodeAttachmentAndReadsAnEmlSentAsOctetStreamAsAForward() {
            ParsedMail mail = read("99-uuencode-and-eml-as-octet-stream.eml");

            assertThat(mail.attachments()).extracting(MailAttachment::filename, MailAttachment::contentType)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("contrato.pdf", "application/pdf"),
                            org.assertj.core.groups.Tuple.tuple("aviso.eml", "message/rfc822"));
            assertThat(new String(mail.attachments().getFirst().bytes(), StandardCharsets.US_ASCII)).startsWith("%PDF-1.4").endsWith("%%EOF\n");
            assertThat(mail.text()).contains("Envio o contrato", "---------- Forwarded message ----------",
                    "Subject: Aviso de corte", "O servico sera cortado a 30 de novembro.");
        }

        @Test
        void takesUuencodedBlocksOutOfAPlainText() {
            String block = "begin 644 nota.txt\n" + "+3VQA+\"!M=6YD;PH \n" + "`\n" + "end";
            ParsedMail mail = mail("From: a@cliente.example", "Subject: uu", "", "Segue a nota.", "", block, "", "Obrigado");

            assertThat(mail.text()).isEqualTo("Segue a nota.\n\nObrigado");
            assertThat(mail.attachments()).singleElement().satisfies(f -> {
                assertThat(f.filename()).isEqualTo("nota.txt");
                assertThat(new String(f.bytes(), StandardCharsets.US_ASCII)).isEqualTo("Ola, mundo\n");
            });
        }

        @Test
        void typesAttachmentsFromTheirContentAndKeepsTnefAndBinhexAsTheyCame() {
            assertThat(FileType.of("application/octet-stream", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), "scan")).isEqualTo("application/pdf");
            assertThat(FileType.of("image/jpeg", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), "foto.jpg")).isEqualTo("application/pdf");
            assertThat(FileType.of("application/octet-stream", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0}, "relatorio.xlsx"))
                    .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            assertThat(FileType.of("text/csv", "a;b\n1;2\n".getBytes(StandardCharsets.US_ASCII), "dados.csv")).isEqualTo("text/csv");
            assertThat(FileType.of("application/ms-tnef", new byte[] {0x78, (byte) 0x9f, 0x3e, 0x22, 1}, "winmail.dat"))
                    .isEqualTo("application/ms-tnef");
            assertThat(FileType.of("application/mac-binhex40", "(This file must be converted with BinHex 4.0)\r\n:".getBytes(
                    StandardCharsets.US_ASCII), "a.hqx")).isEqualTo("application/mac-binhex40");
        }
    }

    @Nested
    class WhoIsNeverAnswered {

        static ParsedMail with(String from, String... headers) {
            List<String> lines = new java.util.ArrayList<>(List.of("From: " + from, "To: support@atende.example", "Subject: Pedido"));
            lines.addAll(List.of(headers));
            lines.addAll(List.of("", "Texto."));
            return mail(lines.toArray(String[]::new));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                noreply@cliente.pt         | a no-reply address
                no-reply@cliente.pt        | a no-reply address
                no_reply@cliente.pt        | a no-reply address
                DoNotReply@cliente.pt      | a no-reply address
                do-not-reply@cliente.pt    | a no-reply address
                portal.noreply@cliente.pt  | a no-reply address
                """)
        void neverAnswersANoReplyAddressButTakesItsMail(String address, String why) {
            ParsedMail mail = with(address);

            assertThat(mail.kind()).isEqualTo(MailKind.HUMAN);
            assertThat(mail.noAnswer()).isEqualTo(why);
        }

        @Test
        void answersAnAddressThatOnlyLooksLikeNoReply() {
            assertThat(with("noreen@cliente.pt").noAnswer()).isNull();
            assertThat(with("reply@cliente.pt").noAnswer()).isNull();
        }

        @Test
        void neverAnswersASenderWhoAsksForNoAutomaticAnswers() {
            assertThat(with("ana@cliente.pt", "X-Auto-Response-Suppress: DR, RN, NRN").noAnswer())
                    .isEqualTo("X-Auto-Response-Suppress: DR, RN, NRN");
            assertThat(with("ana@cliente.pt", "X-Auto-Response-Suppress: OOF, AutoReply").kind()).isEqualTo(MailKind.AUTOMATED);
            assertThat(with("ana@cliente.pt", "X-Auto-Response-Suppress: None").noAnswer()).isNull();
        }

        @Test
        void takesNotificationRobotsAndBulkMailForAutomated() {
            assertThat(with("jira@cliente.atlassian.net", "X-JIRA-FingerPrint: 5b3c0e1a").automatedBecause())
                    .isEqualTo("a notification robot (x-jira-fingerprint)");
            assertThat(with("notifications@github.com", "X-GitHub-Reason: mention").kind()).isEqualTo(MailKind.AUTOMATED);
            assertThat(with("ana@cliente.pt", "Precedence: Bulk").kind()).isEqualTo(MailKind.AUTOMATED);
            assertThat(with("ana@cliente.pt", "X-Precedence: bulk").kind()).isEqualTo(MailKind.AUTOMATED);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                X-Spam-Flag: YES
                X-Spam-Flag: yes
                X-Spam-Status: Yes, score=7.9 required=5.0 tests=BAYES_99
                X-Spam: Yes
                """)
        void flagsMailASpamFilterFlaggedAndNeverAnswersIt(String header) {
            ParsedMail mail = with("ana@cliente.pt", header);

            assertThat(mail.likelySpam()).isTrue();
            assertThat(mail.noAnswer()).isEqualTo("flagged as spam");
            assertThat(mail.kind()).isEqualTo(MailKind.HUMAN);
        }

        @Test
        void takesANegativeSpamVerdictForNone() {
            ParsedMail mail = with("ana@cliente.pt", "X-Spam-Flag: NO", "X-Spam-Status: No, score=0.1 required=5.0");

            assertThat(mail.likelySpam()).isFalse();
            assertThat(mail.noAnswer()).isNull();
        }
    }
}
