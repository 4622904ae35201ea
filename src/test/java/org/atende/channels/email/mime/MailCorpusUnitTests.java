package org.atende.channels.email.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every mail of the corpus is read, whatever is wrong with it: nothing throws, nothing comes back empty-handed. */
class MailCorpusUnitTests {

    static List<String> corpus() {
        return MailCorpus.names();
    }

    @Test
    void holdsAtLeastThirtyAwkwardMails() {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(30).allMatch(n -> n.matches("\\d{2}-[a-z0-9-]+\\.eml"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void readsEveryMailIntoSomethingUsable(String name) {
        ParsedMail mail = MailCorpus.read(name);

        assertThat(mail.unreadable()).as("unreadable").isNull();
        assertThat(mail.messageId()).isNotBlank().doesNotContain("<", ">", " ");
        assertThat(mail.subject()).isNotNull().doesNotContain("=?", "\n", "\r");
        assertThat(mail.kind()).isNotNull();
        assertThat(mail.kind() == MailKind.HUMAN).as("only a person's mail has no reason to be automated")
                .isEqualTo(mail.automatedBecause() == null);
        assertThat(!mail.text().isBlank() || !mail.attachments().isEmpty() || !mail.subject().isBlank() || mail.kind() != MailKind.HUMAN)
                .as("some content or a classification").isTrue();
        assertThat(mail.text()).doesNotContain("\r").doesNotContain("could not be read");
        assertThat(mail.newText().length()).as("the new text is part of the text").isLessThanOrEqualTo(mail.text().length());
        if (mail.html() != null) {
            assertThat(mail.html().toLowerCase()).doesNotContain("<script", "javascript:", "onerror", "onload", "onclick", " src=\"http");
        }
        mail.attachments().forEach(a -> assertThat(a.filename()).isNotBlank().doesNotContain("/", "\\"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void readsTheSameMailTheSameWayTwice(String name) {
        ParsedMail first = MailCorpus.read(name);
        ParsedMail again = MailCorpus.read(name);

        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(again.text()).isEqualTo(first.text());
        assertThat(again.kind()).isEqualTo(first.kind());
        assertThat(again.attachments()).extracting(MailAttachment::filename)
                .containsExactlyElementsOf(first.attachments().stream().map(MailAttachment::filename).toList());
    }
}
