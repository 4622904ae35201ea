package org.atende.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.atende.customers.ContactSummary;
import org.atende.customers.Language;
import org.atende.tickets.TicketId;
import org.atende.tickets.TimelineEventView;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import jakarta.mail.internet.MimeMessage;

/** A desk that refuses unknown senders and keeps attachments up to 1 KB only. */
@TestPropertySource(properties = {"atende.email.unknown-senders=REFUSE", "atende.email.max-attachment-size=1KB"})
class EmailStrictSettingsIntegrationTests extends EmailTestSupport {

    @Test
    void refusesAnUnknownSenderWithAnAnswerAndOpensNothing() throws Exception {
        String stranger = "someone@stranger-" + java.util.UUID.randomUUID().toString().substring(0, 6) + ".example";
        deliver(plain(stranger, "Olá", "stranger@x.example", "", "Quero ajuda."));
        poll();
        assertThat(jdbc.sql("SELECT outcome FROM inbound_mail WHERE message_id = 'stranger@x.example'").query(String.class).single())
                .isEqualTo("REFUSED");
        assertThat(customers.contactByEmail(stranger)).isEmpty();
        dispatch.runOnce();
        MimeMessage answer = sentTo(stranger).getFirst();
        assertThat((String) answer.getContent()).contains("no ticket was opened", "não abrimos nenhum pedido", "no hemos abierto ningún ticket");
        assertThat(header(answer, "Auto-Submitted")).isEqualTo("auto-replied");
    }

    @Test
    void neverAnswersTheRefusalToANoReplyAddressNorToSpam() throws Exception {
        String domain = "stranger-" + java.util.UUID.randomUUID().toString().substring(0, 6) + ".example";
        deliver(plain("Portal <no-reply@" + domain + ">", "Formulário", "nr@" + domain, "", "Pedido do formulário."));
        deliver(plain("someone@" + domain, "Spam", "sp@" + domain, "X-Spam-Flag: YES", "Promoção."));
        deliver(plain("other@" + domain, "Pedido", "sup@" + domain, "X-Auto-Response-Suppress: RN", "Olá."));
        poll();
        assertThat(jdbc.sql("SELECT outcome FROM inbound_mail WHERE message_id = ?").param("nr@" + domain).query(String.class).single())
                .isEqualTo("REFUSED");
        assertThat(jdbc.sql("SELECT outcome FROM inbound_mail WHERE message_id = ?").param("sup@" + domain).query(String.class).single())
                .isEqualTo("REFUSED");
        dispatch.runOnce();
        assertThat(count("SELECT COUNT(*) FROM outgoing_message WHERE recipient LIKE ?", "%@" + domain)).isZero();
        assertThat(sentTo(domain)).isEmpty();
    }

    @Test
    void aKnownDomainStillOpensATicketForANewColleague() throws Exception {
        String domain = domain();
        customer(domain, "Ana Silva", Language.PT);
        deliver(plain("Rui <rui@" + domain + ">", "Colega novo", "colleague@" + domain, "", "Sou novo aqui."));
        poll();
        assertThat(customers.contactByEmail("rui@" + domain)).isPresent();
    }

    @Test
    void dropsAnAttachmentOverTheLimitAndSaysSoOnTheTicket() throws Exception {
        String domain = domain();
        ContactSummary ana = customer(domain, "Ana Silva", Language.PT);
        String big = Base64.getMimeEncoder().encodeToString(new byte[4096]);
        deliver("""
                From: %s
                To: support@atende.test
                Subject: Anexo grande
                Message-ID: <big@%s>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="m"

                --m
                Content-Type: text/plain; charset=utf-8

                Segue o backup.
                --m
                Content-Type: application/zip; name="backup.zip"
                Content-Disposition: attachment; filename="backup.zip"
                Content-Transfer-Encoding: base64

                %s
                --m--
                """.formatted(ana.email(), domain, big));
        poll();
        long ticket = jdbc.sql("SELECT ticket_id FROM inbound_mail WHERE message_id = ?").param("big@" + domain).query(Long.class).single();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM attachment WHERE ticket_id = ?").param(ticket).query(Long.class).single()).isZero();
        assertThat(tickets.timeline(new TicketId(ticket), new org.atende.identity.Actor(new org.atende.identity.UserId(1), "x",
                org.atende.identity.Role.AGENT, null, null))).filteredOn(e -> e.kind().equals("ATTACHMENT_DROPPED"))
                .singleElement().extracting(TimelineEventView::detail).asString().contains("backup.zip");
    }
}
