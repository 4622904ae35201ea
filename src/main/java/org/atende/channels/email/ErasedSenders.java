package org.atende.channels.email;

import java.util.List;

import org.atende.customers.ContactErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A contact's erasure, for the mail the desk read from them: the raw sources ({@code .eml}) are deleted,
 * and the sender, subject, HTML and whole text kept beside each mail are cleared. Which mail it was (its
 * Message-ID, for threading) and what became of it stay.
 */
@Component
class ErasedSenders {

    private final JdbcClient jdbc;

    ErasedSenders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ContactErased erased) {
        List<String> emails = erased.emails().stream().map(e -> e.toLowerCase(java.util.Locale.ROOT)).toList();
        if (emails.isEmpty()) {
            return;
        }
        List<Long> mails = jdbc.sql("SELECT id FROM inbound_mail WHERE LOWER(sender) IN (:emails)").param("emails", emails)
                .query(Long.class).list();
        for (long mail : mails) {
            jdbc.sql("DELETE FROM inbound_mail_source WHERE inbound_mail_id = ?").param(mail).update();
            jdbc.sql("UPDATE inbound_mail SET sender = NULL, subject = NULL, html = NULL, full_text = NULL, detail = NULL WHERE id = ?")
                    .param(mail).update();
        }
        erased.count("mails", mails.size());
    }
}
