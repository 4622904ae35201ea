package org.atende.channels.email.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What leads a reply back to its ticket when the headers do not: the subject tag and the body marker. */
class MailReferencesUnitTests {

    @Nested
    class Marker {

        @Test
        void writesTheMessageIdInAMarkerThatSurvivesQuoting() {
            assertThat(ReferenceMarker.write("t1042.m5678.a1b2c3@atende.example"))
                    .isEqualTo("[ref:dDEwNDIubTU2NzguYTFiMmMzQGF0ZW5kZS5leGFtcGxl]");
        }

        @Test
        void findsTheMarkerInTheQuotedHistoryOfAReply() {
            ParsedMail reply = MailCorpus.read("75-reply-above-separator.eml");

            assertThat(ReferenceMarker.find(reply.text())).contains("t1042.m5678.a1b2c3@atende.example");
        }

        @Test
        void findsAMarkerQuotedInHtmlAndPassesOverOnesThatAreNotOurs() {
            String marker = ReferenceMarker.write("t7.m1.ff@atende.example");
            assertThat(ReferenceMarker.find("<blockquote>[ref:!!!] [ref:aGVsbG8] " + marker + "</blockquote>"))
                    .contains("t7.m1.ff@atende.example");
        }

        @Test
        void findsNothingWithoutAMarker() {
            assertThat(ReferenceMarker.find("Obrigada, [ref] e [ref:] não são marcas.")).isEmpty();
        }
    }

    @Nested
    class Tag {

        @Test
        void findsTheTicketNumberOfATaggedSubject() {
            assertThat(SubjectTag.find("RE: AW: [#1042] Erro ao emitir fatura")).isEqualTo(OptionalLong.of(1042));
            assertThat(SubjectTag.find("Erro ao emitir fatura")).isEmpty();
            assertThat(SubjectTag.find("[# 12] [Ticket#88001] [#12a]")).isEmpty();
            assertThat(SubjectTag.find("[#123456789012345678901234]")).as("too long for a number").isEmpty();
        }

        @Test
        void findsTheLastTagBecauseTheDeskWritesItsOwnLast() {
            assertThat(SubjectTag.find("Re: [#999] Erro [#1043]")).isEqualTo(OptionalLong.of(1043));
        }

        @Test
        void addsTheTagAtTheEndAndChangesNothingElse() {
            assertThat(SubjectTag.add("Re: [Ticket#88001] Recebemos", 1042)).isEqualTo("Re: [Ticket#88001] Recebemos [#1042]");
            assertThat(SubjectTag.add("", 7)).isEqualTo("[#7]");
        }

        @Test
        void doesNotAddATagTheSubjectAlreadyEndsWith() {
            assertThat(SubjectTag.add("Re: Erro [#1042]", 1042)).isEqualTo("Re: Erro [#1042]");
            assertThat(SubjectTag.add("RE: [#1042] Erro", 1042)).isEqualTo("RE: [#1042] Erro");
        }

        @Test
        void addsItsTagAfterAnotherTicketsSoThatAnswersComeBackToIt() {
            String subject = SubjectTag.add("Re: [#999] Erro", 1043);

            assertThat(subject).isEqualTo("Re: [#999] Erro [#1043]");
            assertThat(SubjectTag.find("RE: " + subject)).isEqualTo(OptionalLong.of(1043));
        }
    }
}
