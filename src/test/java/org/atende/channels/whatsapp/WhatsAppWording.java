package org.atende.channels.whatsapp;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.atende.customers.Language;
import org.atende.knowledge.Suggestion;
import org.atende.sla.SlaTarget;
import org.atende.sla.TargetUnit;

/** Every text the WhatsApp channel writes by itself, in one language, as it writes them: for tests that read them. */
public final class WhatsAppWording {

    private WhatsAppWording() {
    }

    public static List<String> all(Language language) {
        ZoneId lisbon = ZoneId.of("Europe/Lisbon");
        Instant due = Instant.parse("2026-11-26T10:00:00Z");
        Instant opens = Instant.parse("2026-11-27T09:00:00Z");
        Suggestion article = new Suggestion(1, "repor-palavra-passe", language, "Título", "…", 1.0);
        return List.of(WhatsAppTexts.ticketLine(language, 42), WhatsAppTexts.aboutTicket(language, 42, "Olá"),
                WhatsAppTexts.acknowledgement(language, "Joana", 42, new SlaTarget(2, TargetUnit.DAYS), due, opens, lisbon, lisbon),
                WhatsAppTexts.acknowledgement(language, "Joana", 42, new SlaTarget(12, TargetUnit.HOURS), due, opens,
                        ZoneId.of("America/Sao_Paulo"), lisbon),
                WhatsAppTexts.helpArticles(language, List.of(article), "https://desk.example"));
    }
}
