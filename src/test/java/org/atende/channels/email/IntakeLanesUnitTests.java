package org.atende.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.atende.channels.email.mime.MailReader;
import org.atende.channels.email.mime.ParsedMail;
import org.junit.jupiter.api.Test;

/** Which mails of a batch may be taken in side by side, and which must wait for each other. */
class IntakeLanesUnitTests {

    static final MailReader READER = new MailReader(1024 * 1024, Set.of("support@atende.test"), "atende.test");

    static ParsedMail mail(String from, String id, String subject, String extra) {
        return READER.read(("From: " + from + "\r\nSubject: " + subject + "\r\nMessage-ID: <" + id + ">\r\n" + extra + "\r\nTexto.\r\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    static List<List<String>> lanes(ParsedMail... mails) {
        return IntakeLanes.of(List.of(mails), m -> m).stream().map(l -> l.stream().map(ParsedMail::messageId).toList()).toList();
    }

    @Test
    void keepsOneSendersAndOneThreadsMailsInOneLaneInTheirOrder() {
        assertThat(lanes(mail("ana@c.pt", "a1@c.pt", "Um", ""), mail("rui@c.pt", "r1@c.pt", "Dois", ""),
                mail("ana@c.pt", "a2@c.pt", "Três", ""), mail("eva@c.pt", "e1@c.pt", "Re: Dois", "In-Reply-To: <r1@c.pt>\r\n"),
                mail("joao@c.pt", "j1@c.pt", "Quatro", ""), mail("ines@c.pt", "i1@c.pt", "Re: Pedido [#1042]", ""),
                mail("luis@c.pt", "l1@c.pt", "Re: outro [#1042]", ""),
                mail("paulo@c.pt", "p1@c.pt", "Re", "References: <x@y.pt> <r1@c.pt>\r\n")))
                .containsExactly(List.of("a1@c.pt", "a2@c.pt"), List.of("r1@c.pt", "e1@c.pt", "p1@c.pt"), List.of("j1@c.pt"),
                        List.of("i1@c.pt", "l1@c.pt"));
    }

    @Test
    void letsMailsWithoutASenderRunSideBySide() {
        assertThat(lanes(mail("=?utf-8?q?ningu=C3=A9m?=", "n1@c.pt", "A", ""), mail("", "n2@c.pt", "B", ""))).hasSize(2);
    }
}
