package org.atende.channels.whatsapp;

import java.util.List;

import org.atende.customers.ContactErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A contact's erasure, for WhatsApp: the numbers and user ids kept with their messages are cleared, every
 * webhook notification that carries one of their numbers or ids (their texts, their profile name) is
 * replaced by an empty object, and answers held for them are dropped (the answer's text stays on the
 * ticket, erased with the rest of the conversation where it names them).
 */
@Component
class ErasedWhatsAppUsers {

    private static final String EMPTIED = "{\"erased\":true}";

    private final JdbcClient jdbc;

    ErasedWhatsAppUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ContactErased erased) {
        erased.count("whatsappMessages", jdbc.sql("""
                UPDATE whatsapp_message SET wa_id = NULL, user_id = NULL, detail = NULL
                WHERE contact_id = ? AND (wa_id IS NOT NULL OR user_id IS NOT NULL OR detail IS NOT NULL)""")
                .param(erased.contactId().value()).update());
        List<String> numbers = erased.addresses().stream().filter(a -> !a.contains("@"))
                .map(a -> a.startsWith("+") ? a.substring(1) : a).filter(a -> a.length() >= 5).distinct().toList();
        for (String number : numbers) {
            erased.count("whatsappNotifications", jdbc.sql("UPDATE whatsapp_notification SET body = ? WHERE body LIKE ? AND body <> ?")
                    .params(EMPTIED, "%" + number + "%", EMPTIED).update());
        }
        if (!numbers.isEmpty()) {
            erased.count("heldAnswers", jdbc.sql("DELETE FROM whatsapp_held_answer WHERE recipient IN (:numbers)")
                    .param("numbers", numbers).update());
        }
    }
}
