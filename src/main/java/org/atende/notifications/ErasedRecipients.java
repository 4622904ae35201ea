package org.atende.notifications;

import java.util.ArrayList;
import java.util.List;

import org.atende.customers.ContactErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A contact's erasure, for the outbox: messages to any of their addresses or numbers lose the recipient
 * and the text (what was sent to them), and those still waiting are given up as failed, so nothing more
 * leaves for them.
 */
@Component
class ErasedRecipients {

    private final JdbcClient jdbc;

    ErasedRecipients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ContactErased erased) {
        List<String> recipients = new ArrayList<>();
        for (String address : erased.addresses()) {
            recipients.add(address);
            recipients.add(address.toLowerCase(java.util.Locale.ROOT));
            if (address.startsWith("+")) {
                recipients.add(address.substring(1)); // WhatsApp writes numbers without the +
            }
        }
        if (recipients.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE outgoing_message SET state = 'FAILED', last_error = 'recipient erased' WHERE state IN ('QUEUED', 'HELD') AND recipient IN (:r)")
                .param("r", recipients.stream().distinct().toList()).update();
        erased.count("outgoingMessages", jdbc.sql("UPDATE outgoing_message SET recipient = :erased, body = :erased WHERE recipient IN (:r)")
                .param("erased", ContactErased.ERASED).param("r", recipients.stream().distinct().toList()).update());
    }
}
