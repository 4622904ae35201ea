package org.atende.channels.email;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.atende.customers.Language;
import org.atende.knowledge.Suggestion;
import org.atende.sla.SlaTarget;
import org.atende.sla.TargetUnit;

/** Every text the e-mail channel writes by itself, in one language, as it writes them: for tests that read them. */
public final class MailWording {

    private MailWording() {
    }

    public static List<String> all(Language language) {
        ZoneId lisbon = ZoneId.of("Europe/Lisbon");
        Instant due = Instant.parse("2026-11-26T10:00:00Z");
        Instant opens = Instant.parse("2026-11-27T09:00:00Z");
        Suggestion article = new Suggestion(1, "repor-palavra-passe", language, "Título", "…", 1.0);
        return List.of(MailTexts.replyAbove(language), MailTexts.ticketLine(language, 42),
                MailTexts.acknowledgement(language, "Joana", 42, new SlaTarget(1, TargetUnit.DAYS), due, opens, lisbon, lisbon),
                MailTexts.acknowledgement(language, "Joana", 42, new SlaTarget(8, TargetUnit.HOURS), due, opens,
                        ZoneId.of("Atlantic/Canary"), lisbon),
                MailTexts.helpArticles(language, List.of(article), "https://desk.example"),
                MailTexts.acknowledgementSubject(language, "Assunto"),
                PasswordResetMail.subject(language), PasswordResetMail.body(language, "Joana", "https://desk.example/x", "amanhã"));
    }
}
