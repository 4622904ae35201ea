package org.atende.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.atende.customers.Language;
import org.atende.sla.ClockKind;

/** Every text the desk writes to its staff, in one language, as it writes them: for tests that read them. */
public final class StaffWording {

    private StaffWording() {
    }

    public static List<String> all(Language language) {
        List<String> texts = new ArrayList<>();
        String due = Instant.parse("2026-11-26T10:00:00Z").toString();
        for (ClockKind kind : ClockKind.values()) {
            List<String> params = List.of("42", "Impressora", "Padaria Lusitana", kind.name(), due, StaffTexts.span(Duration.ofMinutes(125)));
            texts.add(StaffTexts.text(StaffTexts.SLA_WARNING, params, language));
            texts.add(StaffTexts.text(StaffTexts.SLA_BREACHED, params, language));
        }
        texts.add(StaffTexts.text(BadRatingNotices.BAD_RATING, List.of("42", "Impressora", "Padaria Lusitana", ""), language));
        texts.add(StaffTexts.text(StaffTexts.MENTION, List.of("42", "Impressora", "Inês", "olá"), language));
        for (String key : List.of(StaffTexts.SLA_WARNING, StaffTexts.SLA_BREACHED, StaffTexts.MENTION, StaffTexts.ESCALATION)) {
            texts.add(StaffTexts.subject(key, 42, "Impressora", language));
        }
        texts.addAll(List.of(StaffTexts.openOnDesk(language), StaffTexts.digestSubject(language, "26/11"),
                StaffTexts.digestBreached(language), StaffTexts.digestAtRisk(language), StaffTexts.digestQuota(language),
                StaffTexts.due(language), StaffTexts.tickets(language, 30)));
        return texts;
    }
}
