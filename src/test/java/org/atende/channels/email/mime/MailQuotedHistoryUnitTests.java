package org.atende.channels.email.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atende.channels.email.mime.MailCorpus.mail;
import static org.atende.channels.email.mime.MailCorpus.read;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A reply without the history it quotes: what the conversation on the ticket shows. */
class MailQuotedHistoryUnitTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            71-gmail-reply-gmail-quote.eml        | Obrigada, já funciona.
            72-outlook-reply-original-message.eml | Continua a falhar no posto 3.\\n\\nRui Lima
            73-outlook-reply-from-sent.eml        | Ya puedo entrar, gracias.
            74-apple-mail-on-wrote.eml            | Perfecto, ya exporta bien. Una duda más: ¿se puede exportar también el histórico?\\n\\nEnviado desde mi iPhone
            75-reply-above-separator.eml          | Já consigo emitir. Podem fechar.
            """)
    void foldsTheQuotedHistoryOfRepliesFromEachClient(String name, String newText) {
        ParsedMail mail = read(name);

        assertThat(mail.newText()).isEqualTo(newText.replace("\\n", "\n"));
        assertThat(mail.text()).as("the whole text is kept").startsWith(mail.newText()).hasSizeGreaterThan(mail.newText().length() + 20);
    }

    @Nested
    class InText {

        @Test
        void cutsAtTheDesksSeparatorQuotedOrNot() {
            assertThat(QuotedHistory.fold("Feito.\n\n> -- Please reply above this line --\n> Olá")).isEqualTo("Feito.");
            assertThat(QuotedHistory.fold("Hecho.\n-- Por favor, responda encima de esta línea --\nHola")).isEqualTo("Hecho.");
        }

        @Test
        void cutsAtOriginalAndForwardedMessageLines() {
            assertThat(QuotedHistory.fold("Sí.\n\n-----Mensaje original-----\nDe: x")).isEqualTo("Sí.");
            assertThat(QuotedHistory.fold("Look.\n\nBegin forwarded message:\n\nFrom: x")).isEqualTo("Look.");
        }

        @Test
        void cutsAtAnOutlookHeaderBlockAndTheRuleAboveIt() {
            assertThat(QuotedHistory.fold("Ok.\n\n________________________________\nFrom: Atende <support@atende.example>\n"
                    + "Sent: Monday, 2 November 2026 10:00\nTo: Rui\nSubject: x\n\nold")).isEqualTo("Ok.");
        }

        @Test
        void keepsAFromLineThatIsNoHeaderBlock() {
            String text = "From: the accounting team we heard nothing.\nCan you check?";
            assertThat(QuotedHistory.fold(text)).isEqualTo(text);
        }

        @Test
        void cutsAtAnAttributionLineOnlyWhenQuotesFollow() {
            assertThat(QuotedHistory.fold("Sim.\n\nEm ter., 3 de nov. de 2026 às 10:00, Atende <s@a.example> escreveu:\n\n> Olá"))
                    .isEqualTo("Sim.");
            String story = "On Monday I wrote:\nthe report is late again.";
            assertThat(QuotedHistory.fold(story)).isEqualTo(story);
        }

        @Test
        void keepsAnAnswerWrittenBetweenQuotes() {
            String inline = "> Which version?\n4.2\n> Which browser?\nFirefox";
            assertThat(QuotedHistory.fold(inline)).isEqualTo(inline);
        }

        @Test
        void cutsQuotesThatRunToTheEnd() {
            assertThat(QuotedHistory.fold("Resolvido.\n\n> antes\n>\n> mais antes\n")).isEqualTo("Resolvido.");
        }

        @Test
        void keepsTheTextWhenFoldingWouldLeaveNothing() {
            assertThat(QuotedHistory.fold("> all quoted\n> nothing new")).isEqualTo("> all quoted\n> nothing new");
        }
    }

    @Nested
    class InHtml {

        @Test
        void cutsAtTheGmailQuote() {
            assertThat(HtmlText.newText("<div>Novo</div><div class=\"gmail_quote\">On x wrote:<blockquote>old</blockquote></div>"))
                    .isEqualTo("Novo");
        }

        @Test
        void cutsEverythingAfterOutlooksHeaderBlockNotOnlyTheBlock() {
            assertThat(HtmlText.newText("<div>Novo</div><div id=\"divRplyFwdMsg\"><b>From:</b> x</div><div>old body</div><p>old sig</p>"))
                    .isEqualTo("Novo");
        }

        @Test
        void cutsAtAnOriginalMessageComment() {
            assertThat(HtmlText.newText("<p>Novo</p><!-- originalMessage --><p>old</p>")).isEqualTo("Novo");
        }

        @Test
        void removesATrailingBlockquoteButKeepsAnAnswerWrittenAfterOne() {
            assertThat(HtmlText.newText("<p>Feito</p><blockquote type=\"cite\"><p>old</p></blockquote>")).isEqualTo("Feito");
            assertThat(HtmlText.newText("<blockquote type=\"cite\">Which version?</blockquote><p>4.2</p>"))
                    .isEqualTo("Which version?\n\n4.2");
        }

        @Test
        void foldsAnHtmlOnlyReply() {
            ParsedMail mail = mail("From: ana@cliente.example", "Subject: Re: [#1042] x", "Content-Type: text/html; charset=utf-8", "",
                    "<div dir=\"ltr\">Funciona!</div><div class=\"gmail_quote\"><div class=\"gmail_attr\">On Wed, Atende wrote:</div>",
                    "<blockquote class=\"gmail_quote\">-- Please reply above this line --<br>old</blockquote></div>");

            assertThat(mail.newText()).isEqualTo("Funciona!");
            assertThat(mail.text()).contains("-- Please reply above this line --");
        }
    }
}
