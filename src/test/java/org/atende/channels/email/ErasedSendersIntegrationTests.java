package org.atende.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.atende.customers.ContactSummary;
import org.atende.customers.Language;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.identity.UserId;
import org.atende.privacy.Erasures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Erasing a contact who wrote by e-mail: the mail's source and the texts kept beside it go; which mail it was stays. */
class ErasedSendersIntegrationTests extends EmailTestSupport {

    @Autowired Erasures erasures;

    @Test
    void forgetsTheSourceSenderAndTextsOfTheirMailsButNotTheThread() throws Exception {
        String domain = domain();
        ContactSummary ana = customer(domain, "Amélia Torres", Language.PT);
        deliver(plain("Amélia Torres <" + ana.email() + ">", "Palavra-passe esquecida", "erase-1@" + domain, "",
                "Olá, sou a Amélia Torres (NIF 509876543). Não consigo entrar."));
        poll();
        long mail = jdbc.sql("SELECT id FROM inbound_mail WHERE message_id = ?").param("erase-1@" + domain).query(Long.class).single();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inbound_mail_source WHERE inbound_mail_id = ?").param(mail).query(Long.class).single())
                .isEqualTo(1);

        var report = erasures.erase(ana.id(), "ERASE", new Actor(new UserId(1), "Administrator", Role.ADMIN, null, null));

        assertThat(report.erased()).containsEntry("mails", 1).containsEntry("messages", 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inbound_mail_source WHERE inbound_mail_id = ?").param(mail).query(Long.class).single())
                .isZero();
        var kept = jdbc.sql("SELECT sender, subject, full_text, html, outcome, ticket_id FROM inbound_mail WHERE id = ?").param(mail)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getLong(6)}).single();
        assertThat(kept[0]).isNull();
        assertThat(kept[1]).isNull();
        assertThat(kept[2]).isNull();
        assertThat(kept[4]).isEqualTo("TICKET_OPENED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_thread WHERE message_id = ?").param("erase-1@" + domain).query(Long.class).single())
                .as("a reply to that mail still finds its ticket").isEqualTo(1);
        assertThat(jdbc.sql("SELECT body FROM message WHERE ticket_id = ? ORDER BY id").param((Long) kept[5]).query(String.class).list())
                .first().isEqualTo("[erased]");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outgoing_message WHERE ticket_id = ? AND (recipient LIKE ? OR body LIKE '%Amélia%')")
                .params((Long) kept[5], "%" + domain + "%").query(Long.class).single()).as("the acknowledgement sent to her").isZero();
    }
}
