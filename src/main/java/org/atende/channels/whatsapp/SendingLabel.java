package org.atende.channels.whatsapp;

import java.util.Locale;

import org.atende.customers.Language;
import org.jspecify.annotations.Nullable;

/**
 * What travels with a queued WhatsApp message besides its text, written in the outgoing message's subject
 * (WhatsApp has none): the recipient's language when it was queued ({@code lang=pt}), for the template
 * sent if the 24-hour window has closed by then, and the desk's number it goes from ({@code number=…}),
 * the one the customer wrote to. A label without a number (queued before there were several) goes from the
 * first. A satisfaction question carries its survey's token ({@code survey=…}) for the buttons' ids.
 */
record SendingLabel(Language language, @Nullable String number, @Nullable String survey) {

    SendingLabel(Language language, @Nullable String number) {
        this(language, number, null);
    }

    String subject() {
        return "lang=" + language.name().toLowerCase(Locale.ROOT) + (number == null ? "" : " number=" + number)
                + (survey == null ? "" : " survey=" + survey);
    }

    static SendingLabel of(@Nullable String subject) {
        Language language = Language.PT;
        String number = null;
        String survey = null;
        if (subject != null) {
            for (String part : subject.strip().split("\\s+")) {
                if (part.startsWith("lang=")) {
                    try {
                        language = Language.valueOf(part.substring(5).toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        // an unknown language: the desk's own
                    }
                } else if (part.startsWith("number=") && part.length() > 7) {
                    number = part.substring(7);
                } else if (part.startsWith("survey=") && part.length() > 7) {
                    survey = part.substring(7);
                }
            }
        }
        return new SendingLabel(language, number, survey);
    }
}
