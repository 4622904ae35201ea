package org.atende.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.atende.channels.email.mime.RawMail;
import org.atende.customers.ContactSummary;
import org.atende.customers.Language;
import org.atende.tickets.MessageView;
import org.atende.tickets.TicketView;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The shapes of real-world mail that came out wrong, each through the mailbox (GreenMail IMAP) to a
 * committed ticket: who sent it, what it says, its files, and who gets no answer.
 */
class EmailRealWorldIntegrationTests extends EmailTestSupport {

    static final String PDF = Base64.getMimeEncoder().encodeToString("%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));

    String firstMessage(TicketView t) {
        return tickets.messagesOf(t.id()).getFirst().body();
    }

    List<String> attachments(TicketView t) {
        return jdbc.sql("SELECT filename || ' ' || content_type FROM attachment WHERE ticket_id = ? ORDER BY id")
                .param(t.id().value()).query(String.class).list();
    }

    byte[] attachment(TicketView t, String filename) {
        return jdbc.sql("SELECT c.content FROM attachment a JOIN attachment_content c ON c.sha256 = a.sha256 WHERE a.ticket_id = ? AND a.filename = ?")
                .params(t.id().value(), filename).query((rs, n) -> rs.getBytes(1)).single();
    }

    long acknowledgements(TicketView t) {
        return count("SELECT COUNT(*) FROM outgoing_message WHERE ticket_id = ? AND purpose = 'ACKNOWLEDGEMENT'", t.id().value());
    }

    List<String> timelineKinds(TicketView t) {
        return jdbc.sql("SELECT kind FROM timeline_event WHERE ticket_id = ? ORDER BY id").param(t.id().value()).query(String.class).list();
    }

    /** A corpus mail with a Message-ID of its own for this run, and its sender's domain made this test's. */
    static byte[] corpus(String name, String messageId, String domain) throws Exception {
        byte[] raw = Files.readAllBytes(Path.of("src/test/resources/mail/corpus", name));
        String latin = new String(raw, StandardCharsets.ISO_8859_1).replaceFirst("(?m)^Message-ID: .*$", "Message-ID: <" + messageId + ">")
                .replace("@cliente.example", "@" + domain);
        return latin.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String withPdf(String fromHeader, String subject, String messageId, String text) {
        return "From: " + fromHeader + "\nTo: " + SUPPORT + "\nSubject: " + subject + "\nMessage-ID: <" + messageId + ">\n"
                + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"pdf\"\n\n--pdf\nContent-Type: text/plain; charset=utf-8\n\n"
                + text + "\n--pdf\nContent-Type: application/pdf; name=\"fatura.pdf\"\nContent-Disposition: attachment; filename=\"fatura.pdf\"\n"
                + "Content-Transfer-Encoding: base64\n\n" + PDF + "\n--pdf--\n";
    }

    @Nested
    class Senders {

        @Test
        void readsASenderWrittenWithoutAngleBracketsAndKeepsTheirPdf() throws Exception {
            String domain = domain();
            ContactSummary ana = customer(domain, "Ana Silva", Language.PT);
            deliver(withPdf("Ana Silva " + ana.email(), "Fatura", "nb@" + domain, "Segue a fatura."));

            assertThat(poll().read()).isEqualTo(1);
            TicketView t = ticketOfMail("nb@" + domain);
            assertThat(t.requesterContactId()).isEqualTo(ana.id());
            assertThat(attachments(t)).containsExactly("fatura.pdf application/pdf");
            assertThat(acknowledgements(t)).isEqualTo(1);
        }

        @Test
        void readsAnAddressWhoseDomainHasNoDot() throws Exception {
            String host = "intranet" + UUID.randomUUID().toString().substring(0, 6);
            deliver(plain("Operações <ops@" + host + ">", "Servidor em baixo", "dotless@" + host, "", "O servidor não responde."));

            poll();
            TicketView t = ticketOfMail("dotless@" + host);
            ContactSummary ops = customers.contact(t.requesterContactId()).orElseThrow();
            assertThat(ops.email()).isEqualTo("ops@" + host);
            assertThat(ops.name()).isEqualTo("Operações");
        }

        @Test
        void readsTheOtherAddressFormsPeopleSend() throws Exception {
            String domain = domain();
            customer(domain, "Equipa Base", Language.PT);
            deliver(plain("\"Lima, Rui\" <rui@" + domain + ">", "Vírgula", "f1@" + domain, "", "Um."));
            deliver(plain("marta@" + domain + " (Marta Reis)", "Comentário", "f2@" + domain, "", "Dois."));
            deliver(plain("=?utf-8?q?Jos=C3=A9_Pe=C3=B1a?= <jose@" + domain + ">", "Nome codificado", "f3@" + domain, "", "Três."));
            deliver(plain("Equipa: eva@" + domain + ", ines@" + domain + ";", "Grupo", "f4@" + domain, "", "Quatro."));
            deliver(plain("paulo@" + domain + ", outro@" + domain, "Dois remetentes", "f5@" + domain, "", "Cinco."));
            deliver(RawMail.of("From: ").in("UTF-8", "Jürgen <jurgen@" + domain + ">").ascii("\nTo: " + SUPPORT
                    + "\nSubject: IDN\nMessage-ID: <f6@" + domain + ">\n\nSeis.\n").bytes());

            assertThat(poll().read()).isEqualTo(6);
            List<String> senders = List.of("f1@", "f2@", "f3@", "f4@", "f5@", "f6@").stream()
                    .map(id -> customers.contact(ticketOfMail(id + domain).requesterContactId()).orElseThrow())
                    .map(c -> c.name() + " <" + c.email() + ">").toList();
            assertThat(senders).containsExactly("Lima, Rui <rui@" + domain + ">", "Marta Reis <marta@" + domain + ">",
                    "José Peña <jose@" + domain + ">", "eva <eva@" + domain + ">", "paulo <paulo@" + domain + ">",
                    "Jürgen <jurgen@" + domain + ">");
        }

        @Test
        void keepsAMailWithNoReadableSenderInTriageWithItsFileAndAnswersNobody() throws Exception {
            String domain = domain();
            String hidden = "=?utf-8?b?" + Base64.getEncoder().encodeToString(("admin@" + domain).getBytes(StandardCharsets.US_ASCII)) + "?=";
            deliver(withPdf(hidden, "Sem remetente", "ns1@" + domain, "Quem escreveu isto?"));
            deliver(withPdf("=?utf-8?q?ceo=40" + domain + "?=@" + domain, "Endereço literal", "ns2@" + domain, "Endereço impossível."));

            assertThat(poll().read()).isEqualTo(2);
            for (String id : List.of("ns1@", "ns2@")) {
                TicketView t = ticketOfMail(id + domain);
                assertThat(customers.organisation(t.organisationId()).orElseThrow().name()).isEqualTo("Triage");
                assertThat(customers.contact(t.requesterContactId()).orElseThrow().email()).isEqualTo(SenderDirectory.UNIDENTIFIED);
                assertThat(t.tags()).containsExactly("no-sender");
                assertThat(attachments(t)).containsExactly("fatura.pdf application/pdf");
                assertThat(acknowledgements(t)).isZero();
                assertThat(timelineKinds(t)).contains("ACKNOWLEDGEMENT_SKIPPED");
            }
            assertThat(firstMessage(ticketOfMail("ns1@" + domain))).isEqualTo("[No readable sender. From as written: " + hidden + "]\n\n"
                    + "Quem escreveu isto?");
            assertThat(customers.contactByEmail("admin@" + domain)).as("no contact from the decoded encoded-word").isEmpty();
            assertThat(count("SELECT COUNT(*) FROM outgoing_message WHERE recipient LIKE '%=?%' OR recipient LIKE ?", "%" + domain))
                    .isZero();
        }
    }

    @Nested
    class Bodies {

        @Test
        void showsTheRawTextOfAMultipartWithoutBoundaryLinesNeverAnException() throws Exception {
            String domain = domain();
            customer(domain, "Rui Lima", Language.PT);
            deliver(corpus("95-multipart-without-boundary-lines.eml", "nobound@" + domain, domain));

            poll();
            assertThat(firstMessage(ticketOfMail("nobound@" + domain)))
                    .isEqualTo("Bom dia,\no programa de faturas enviou isto sem as linhas de fronteira.\nObrigado, Rui")
                    .doesNotContain("Exception", "could not be read");
        }

        @Test
        void keepsATextPartAndASeparateHtmlPartInOrder() throws Exception {
            String domain = domain();
            customer(domain, "Marta Reis", Language.PT);
            deliver(corpus("96-mixed-text-and-html-parts.eml", "mixed@" + domain, domain));

            poll();
            assertThat(firstMessage(ticketOfMail("mixed@" + domain)))
                    .isEqualTo("Primeira parte: o erro aparece ao guardar.\n\nSegunda parte: também ao imprimir.");
            assertThat(jdbc.sql("SELECT html FROM inbound_mail WHERE message_id = ?").param("mixed@" + domain).query(String.class).single())
                    .contains("Primeira parte", "<b>também</b>");
        }
    }

    @Nested
    class Charsets {

        @Test
        void readsIso2022JpWithNecCharactersAndRawShiftJisHeaders() throws Exception {
            String domain = domain();
            customer(domain, "Suzuki Hanako", Language.EN);
            deliver(corpus("97-iso-2022-jp-nec-unlabelled.eml", "jis@" + domain, domain));
            deliver(corpus("98-raw-shift-jis-headers.eml", "sjis@" + domain, domain));

            assertThat(poll().read()).isEqualTo(2);
            TicketView jis = ticketOfMail("jis@" + domain);
            assertThat(jis.subject()).isEqualTo("①の件について");
            assertThat(firstMessage(jis)).isEqualTo("お世話になっております。㈱山田商事の髙橋です。\n①と②の請求書が届きません。");
            assertThat(customers.contact(jis.requesterContactId()).orElseThrow().name()).isEqualTo("髙橋一郎");
            TicketView sjis = ticketOfMail("sjis@" + domain);
            assertThat(sjis.subject()).isEqualTo("ログインできません");
            assertThat(firstMessage(sjis)).isEqualTo("パスワードを変更してからログインできません。");
            assertThat(customers.contact(sjis.requesterContactId()).orElseThrow().name()).isEqualTo("山田太郎");
        }

        @Test
        void readsRawGbkHeadersAndWindows1252LabelledAsIso88591() throws Exception {
            String domain = domain();
            customer(domain, "Base", Language.PT);
            deliver(RawMail.of("From: ").in("GBK", "张伟").ascii(" <zhang@" + domain + ">\nTo: " + SUPPORT + "\nSubject: ")
                    .in("GBK", "无法登录系统").ascii("\nMessage-ID: <gbk@" + domain + ">\nContent-Type: text/plain\n"
                            + "Content-Transfer-Encoding: 8bit\n\n").in("GBK", "您好，我的账户无法登录系统，请帮忙处理。谢谢！\r\n").bytes());
            deliver(RawMail.of("From: =?iso-8859-1?q?Jo=E3o_=93JP=94_Santos?= <joao@" + domain + ">\nTo: " + SUPPORT
                    + "\nSubject: =?iso-8859-1?q?Pre=E7o_=80_100?=\nMessage-ID: <w1252@" + domain + ">\n"
                    + "Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit\n\n")
                    .in("windows-1252", "O preço é 100 € – “final”.\r\n").bytes());

            assertThat(poll().read()).isEqualTo(2);
            TicketView gbk = ticketOfMail("gbk@" + domain);
            assertThat(gbk.subject()).isEqualTo("无法登录系统");
            assertThat(firstMessage(gbk)).isEqualTo("您好，我的账户无法登录系统，请帮忙处理。谢谢！");
            assertThat(customers.contact(gbk.requesterContactId()).orElseThrow().name()).isEqualTo("张伟");
            TicketView latin = ticketOfMail("w1252@" + domain);
            assertThat(latin.subject()).isEqualTo("Preço € 100");
            assertThat(firstMessage(latin)).isEqualTo("O preço é 100 € – “final”.");
            assertThat(customers.contact(latin.requesterContactId()).orElseThrow().name()).isEqualTo("João “JP” Santos");
        }
    }

    @Nested
    class Attachments {

        @Test
        void storesAnXUuencodeFileDecodedAndAnEmlSentAsOctetStreamAsAMail() throws Exception {
            String domain = domain();
            customer(domain, "Ana Silva", Language.PT);
            deliver(corpus("99-uuencode-and-eml-as-octet-stream.eml", "uu@" + domain, domain));

            poll();
            TicketView t = ticketOfMail("uu@" + domain);
            assertThat(attachments(t)).containsExactly("contrato.pdf application/pdf", "aviso.eml message/rfc822");
            assertThat(new String(attachment(t, "contrato.pdf"), StandardCharsets.US_ASCII)).startsWith("%PDF-1.4").doesNotContain("begin 644");
            assertThat(firstMessage(t)).contains("Envio o contrato", "Subject: Aviso de corte", "O servico sera cortado a 30 de novembro.");
        }
    }

    @Nested
    class NeverAcknowledged {

        @Test
        void opensTicketsForNoReplyAndSuppressingSendersWithoutAcknowledgingThem() throws Exception {
            String domain = domain();
            customer(domain, "Base", Language.PT);
            deliver(plain("Portal <noreply@" + domain + ">", "Pedido do formulário", "n1@" + domain, "", "Cliente pediu contacto."));
            deliver(plain("Outro <do-not-reply@" + domain + ">", "Aviso", "n2@" + domain, "", "Aviso."));
            deliver(plain("Ana <ana@" + domain + ">", "Sem respostas", "n3@" + domain, "X-Auto-Response-Suppress: DR, RN, NRN", "Olá."));

            assertThat(poll().read()).isEqualTo(3);
            for (String id : List.of("n1@", "n2@", "n3@")) {
                TicketView t = ticketOfMail(id + domain);
                assertThat(acknowledgements(t)).as(id).isZero();
                assertThat(timelineKinds(t)).as(id).contains("ACKNOWLEDGEMENT_SKIPPED");
            }
            dispatch.runOnce();
            assertThat(sentTo("noreply@" + domain)).isEmpty();
            assertThat(sentTo("ana@" + domain)).isEmpty();
        }

        @Test
        void neverOpensNorAnswersNotificationRobotsAndBulkMail() throws Exception {
            String domain = domain();
            ContactSummary ana = customer(domain, "Ana Silva", Language.PT);
            deliver(plain("JIRA <jira@" + domain + ">", "[JIRA] (OPS-12) Disco cheio", "r1@" + domain, "X-JIRA-FingerPrint: 9f2c", "Atualizado."));
            deliver(plain(ana.email(), "Promoção", "r2@" + domain, "Precedence: bulk", "Promoções."));
            deliver(plain(ana.email(), "Sem respostas", "r3@" + domain, "X-Auto-Response-Suppress: All", "Olá."));

            poll();
            assertThat(count("SELECT COUNT(*) FROM inbound_mail WHERE message_id LIKE ? AND outcome = 'IGNORED' AND ticket_id IS NULL",
                    "r_@" + domain)).isEqualTo(3);
            dispatch.runOnce();
            assertThat(sentTo(domain)).isEmpty();
        }

        @Test
        void tagsSpamFlaggedMailNeverAnswersItAndMakesNoContactOfItsSender() throws Exception {
            String domain = domain();
            ContactSummary ana = customer(domain, "Ana Silva", Language.PT);
            String stranger = "winner@lottery-" + UUID.randomUUID().toString().substring(0, 6) + ".example";
            deliver(plain(ana.email(), "Fatura", "sp1@" + domain, "X-Spam-Flag: YES", "Segue a fatura."));
            deliver(plain(stranger, "Ganhou!", "sp2@" + domain, "X-Spam-Status: Yes, score=9.1 required=5.0", "Clique aqui."));

            assertThat(poll().read()).isEqualTo(2);
            TicketView known = ticketOfMail("sp1@" + domain);
            assertThat(known.tags()).containsExactly("likely-spam");
            assertThat(known.requesterContactId()).as("a known contact keeps their mail").isEqualTo(ana.id());
            TicketView unknown = ticketOfMail("sp2@" + domain);
            assertThat(unknown.tags()).containsExactly("likely-spam");
            assertThat(customers.contact(unknown.requesterContactId()).orElseThrow().email()).isEqualTo(SenderDirectory.UNIDENTIFIED);
            assertThat(firstMessage(unknown)).startsWith("[Flagged as spam. From: " + stranger + "]");
            assertThat(customers.contactByEmail(stranger)).isEmpty();
            assertThat(acknowledgements(known) + acknowledgements(unknown)).isZero();
            dispatch.runOnce();
            assertThat(sentTo(ana.email())).isEmpty();
            assertThat(sentTo(stranger)).isEmpty();
        }

        @Test
        void stillAcknowledgesAnOrdinaryCustomer() throws Exception {
            String domain = domain();
            ContactSummary ana = customer(domain, "Ana Silva", Language.PT);
            deliver(plain(ana.email(), "Pedido normal", "ok@" + domain, "X-Spam-Flag: NO", "Olá."));

            poll();
            assertThat(acknowledgements(ticketOfMail("ok@" + domain))).isEqualTo(1);
            assertThat(List.of(tickets.messagesOf(ticketOfMail("ok@" + domain).id()).getFirst())).extracting(MessageView::body)
                    .containsExactly("Olá.");
        }
    }
}
