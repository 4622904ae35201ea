package org.atende.channels.email.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atende.channels.email.mime.MailCorpus.mail;
import static org.atende.channels.email.mime.MailCorpus.read;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** People, machines, absent people and failed deliveries, told apart by headers and structure. */
class MailClassificationUnitTests {

    /** A mail from a customer with one more header line. */
    static ParsedMail withHeader(String header, String subject) {
        return mail("From: Rui Lima <rui.lima@cliente.example>", "To: support@atende.example", "Subject: " + subject,
                "Message-ID: <x-1@cliente.example>", header, "", "Texto.");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "44-plain-text.eml, HUMAN",
            "71-gmail-reply-gmail-quote.eml, HUMAN",
            "72-outlook-reply-original-message.eml, HUMAN",
            "76-oof-exchange.eml, OUT_OF_OFFICE",
            "77-oof-gmail-vacation.eml, OUT_OF_OFFICE",
            "92-oof-sieve-vacation.eml, OUT_OF_OFFICE",
            "78-auto-generated-notification.eml, AUTOMATED",
            "79-mailing-list.eml, AUTOMATED",
            "80-precedence-bulk.eml, AUTOMATED",
            "83-return-path-empty.eml, AUTOMATED",
            "84-loop-from-own-address.eml, AUTOMATED",
            "85-dsn-delayed.eml, AUTOMATED",
            "86-read-receipt-mdn.eml, AUTOMATED",
            "91-x-loop-and-own-message-id.eml, AUTOMATED",
            "93-helpdesk-acknowledgement.eml, AUTOMATED",
            "81-dsn-bounce-rfc3464.eml, BOUNCE",
            "82-nonstandard-bounce-mailer-daemon.eml, BOUNCE"})
    void classifiesTheCorpus(String name, MailKind kind) {
        assertThat(read(name).kind()).isEqualTo(kind);
    }

    @Nested
    class Automated {

        @Test
        void saysWhyAMailIsAutomated() {
            assertThat(read("78-auto-generated-notification.eml").automatedBecause()).isEqualTo("Auto-Submitted: auto-generated");
            assertThat(read("79-mailing-list.eml").automatedBecause()).isEqualTo("a mailing list");
            assertThat(read("80-precedence-bulk.eml").automatedBecause()).isEqualTo("Precedence: bulk");
            assertThat(read("83-return-path-empty.eml").automatedBecause()).isEqualTo("an empty Return-Path");
            assertThat(read("84-loop-from-own-address.eml").automatedBecause()).isEqualTo("from the desk's own address (a loop)");
            assertThat(read("91-x-loop-and-own-message-id.eml").automatedBecause()).isEqualTo("X-Loop: the desk's own mail");
            assertThat(read("86-read-receipt-mdn.eml").automatedBecause()).isEqualTo("a read receipt");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Auto-Submitted: auto-generated", "Auto-Submitted: auto-notified", "X-Autorespond: yes",
                "Precedence: junk", "Precedence: list", "X-Precedence: bulk", "X-Auto-Response-Suppress: OOF",
                "X-Auto-Response-Suppress: DR, AutoReply", "List-Unsubscribe: <https://news.example/u>", "List-Id: <a.lists.example>",
                "Return-Path: < >"})
        void takesAnyAutomationHeaderForAMachine(String header) {
            assertThat(withHeader(header, "Relatório diário").kind()).isEqualTo(MailKind.AUTOMATED);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Auto-Submitted: no", "Auto-Submitted: No (written by a person)", "X-Auto-Response-Suppress: RN, NRN",
                "Precedence: first-class", "Return-Path: <rui.lima@cliente.example>", "X-Loop: other@cliente.example"})
        void takesHeadersThatSayNothingOfAMachineForAPerson(String header) {
            assertThat(withHeader(header, "Relatório diário").kind()).isEqualTo(MailKind.HUMAN);
        }

        @Test
        void takesMailFromMailDaemonsForAutomated() {
            assertThat(mail("From: postmaster@cliente.example", "Subject: Relatório de quarentena", "", "x").kind())
                    .isEqualTo(MailKind.AUTOMATED);
        }

        @Test
        void takesMailWithAMessageIdOfTheDeskForItsOwn() {
            ParsedMail mail = mail("From: relay@cliente.example", "Subject: x", "Message-ID: <t1.m2.abc@Atende.Example>", "", "x");

            assertThat(mail.kind()).isEqualTo(MailKind.AUTOMATED);
            assertThat(mail.automatedBecause()).isEqualTo("a Message-ID of the desk's own (a loop)");
        }

        @Test
        void takesAnOutOfOfficeSubjectWithoutAutomationHeadersForAPerson() {
            assertThat(withHeader("X-Mailer: Outlook", "Out of office party on Friday").kind()).isEqualTo(MailKind.HUMAN);
        }
    }

    @Nested
    class OutOfOffice {

        @Test
        void saysTheSignThatMadeItAnAutomaticAnswer() {
            assertThat(read("77-oof-gmail-vacation.eml").automatedBecause())
                    .isEqualTo("an out-of-office answer (Auto-Submitted: auto-replied)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Automatic reply: Erro", "Respuesta automática: Error", "Resposta automática: Erro", "Out of Office: Erro",
                "Ausente: Re: [#1042] Erro", "Fuera de la oficina", "[Out of Office] Erro", "Auto: Erro", "Abwesenheitsnotiz: Fehler"})
        void knowsOutOfOfficeSubjectsOfAutomaticAnswers(String subject) {
            assertThat(withHeader("Auto-Submitted: auto-replied", subject).kind()).isEqualTo(MailKind.OUT_OF_OFFICE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"X-Autoreply: yes", "Auto-Submitted: auto-replied (zimbra; vacation)",
                "X-MS-Exchange-Inbox-Rules-Loop: rui.lima@cliente.example", "Precedence: auto_reply"})
        void knowsOutOfOfficeHeadersWhateverTheSubject(String header) {
            assertThat(withHeader(header, "Re: [#1042] Erro").kind()).isEqualTo(MailKind.OUT_OF_OFFICE);
        }

        @Test
        void takesAnAutomaticAnswerWithoutASignOfAbsenceForAutomated() {
            assertThat(read("93-helpdesk-acknowledgement.eml").kind()).isEqualTo(MailKind.AUTOMATED);
        }

        @Test
        void neverTakesTheDesksOwnMailOrAListForAnOutOfOffice() {
            assertThat(mail("From: support@atende.example", "Auto-Submitted: auto-replied", "Subject: Automatic reply: x", "", "x").kind())
                    .isEqualTo(MailKind.AUTOMATED);
            assertThat(withHeader("List-Id: <users.lists.example>\r\nAuto-Submitted: auto-replied", "Out of office").kind())
                    .isEqualTo(MailKind.AUTOMATED);
        }
    }

    @Nested
    class Bounces {

        @Test
        void readsTheFailedRecipientStatusAndOriginalOfAStandardReport() {
            ParsedMail mail = read("81-dsn-bounce-rfc3464.eml");

            assertThat(mail.bounce()).isEqualTo(new Bounce("t1042.m5678.a1b2c3@atende.example", "ana.souzza@cliente.example", "failed",
                    "5.1.1", true, "550 5.1.1 <ana.souzza@cliente.example>: Recipient address rejected: User unknown"));
            assertThat(mail.text()).startsWith("This is the mail system at host mx.atende.example.");
        }

        @Test
        void readsAFailureWrittenForPeopleByAMailDaemon() {
            ParsedMail mail = read("82-nonstandard-bounce-mailer-daemon.eml");

            assertThat(mail.bounce()).isEqualTo(new Bounce("t1050.m6001.eeeeee@atende.example", "pedro.old@cliente.example", "failed",
                    "5.1.1", true, "550 5.1.1 User unknown"));
        }

        @Test
        void readsAQmailFailureNotice() {
            ParsedMail mail = mail("From: MAILER-DAEMON@mx.cliente.example", "Subject: failure notice", "",
                    "Hi. This is the qmail-send program.",
                    "I'm afraid I wasn't able to deliver your message to the following addresses.", "", "<Bob@Cliente.Example>:",
                    "203.0.113.9 does not like recipient.", "Remote host said: 550 sorry, no mailbox here by that name", "",
                    "--- Below this line is a copy of the message.", "", "Message-ID: <t7.m8.abc@atende.example>", "Subject: x");

            assertThat(mail.kind()).isEqualTo(MailKind.BOUNCE);
            assertThat(mail.bounce()).isEqualTo(new Bounce("t7.m8.abc@atende.example", "bob@cliente.example", "failed", null, true,
                    "Remote host said: 550 sorry, no mailbox here by that name"));
        }

        @Test
        void takesTheOriginalIdOfAReturnedMessageAttached() {
            ParsedMail mail = mail("From: Mail Delivery System <mailer-daemon@mx.cliente.example>", "Subject: Undeliverable: x",
                    "Content-Type: multipart/mixed; boundary=\"b\"", "", "--b", "Content-Type: text/plain", "",
                    "Delivery has failed to these recipients: ana@cliente.example", "--b", "Content-Type: message/rfc822", "",
                    "Message-ID: <t9.m9.f00@atende.example>", "Subject: x", "", "body", "--b--", "");

            assertThat(mail.kind()).isEqualTo(MailKind.BOUNCE);
            assertThat(mail.bounce().originalMessageId()).isEqualTo("t9.m9.f00@atende.example");
        }

        @Test
        void takesADelayForAutomatedMailThatStillNamesTheOriginal() {
            ParsedMail mail = read("85-dsn-delayed.eml");

            assertThat(mail.automatedBecause()).isEqualTo("a delivery report: the mail is delayed");
            assertThat(mail.bounce()).isEqualTo(new Bounce("t1042.m5680.ffffff@atende.example", "rui.lima@cliente.example", "delayed",
                    "4.4.7", false, "421 4.4.7 Connection timed out"));
        }

        @Test
        void picksTheFailedRecipientAmongDeliveredOnesAndKnowsAGivenUpTemporaryFailure() {
            Bounce bounce = DeliveryReport.fromStatus("""
                    Reporting-MTA: dns; mx.atende.example

                    Final-Recipient: rfc822; ok@cliente.example
                    Action: delivered
                    Status: 2.0.0

                    Final-Recipient: rfc822; <Full@Cliente.Example>
                    Action: failed
                    Status: 4.2.2 (mailbox full)
                    Diagnostic-Code: X-Postfix; mailbox full
                    """, null);

            assertThat(bounce).isEqualTo(new Bounce(null, "full@cliente.example", "failed", "4.2.2", false, "mailbox full"));
            assertThat(bounce.failed()).isTrue();
        }

        @Test
        void takesAReportOfDeliveredMailForNoFailure() {
            ParsedMail mail = mail("From: mailer-daemon@mx.atende.example", "Subject: Delivery Status Notification (Success)",
                    "Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\"", "", "--r", "Content-Type: text/plain", "",
                    "Delivered.", "--r", "Content-Type: message/delivery-status", "", "Reporting-MTA: dns; x", "",
                    "Final-Recipient: rfc822; ana@cliente.example", "Action: delivered", "Status: 2.0.0", "--r--", "");

            assertThat(mail.kind()).isEqualTo(MailKind.AUTOMATED);
            assertThat(mail.bounce()).isNull();
            assertThat(mail.automatedBecause()).isEqualTo("a delivery report of a mail that was delivered");
        }
    }
}
