package org.atende.macros;

import java.util.ArrayList;
import java.util.List;

import org.atende.customers.Language;
import org.jspecify.annotations.Nullable;

/** A macro's reply in Spanish, Portuguese and English; a blank text is none in that language. */
public record MacroTexts(@Nullable String es, @Nullable String pt, @Nullable String en) {

    public static final MacroTexts NONE = new MacroTexts(null, null, null);

    public MacroTexts {
        es = blankToNull(es);
        pt = blankToNull(pt);
        en = blankToNull(en);
    }

    public @Nullable String of(Language language) {
        return switch (language) {
            case ES -> es;
            case PT -> pt;
            case EN -> en;
        };
    }

    public boolean noText() {
        return es == null && pt == null && en == null;
    }

    /**
     * The languages a ticket in {@code language} is answered in, in order: its own, then English, then
     * Portuguese, then Spanish (each once).
     */
    public static List<Language> fallbackOrder(Language language) {
        List<Language> order = new ArrayList<>(List.of(language));
        for (Language next : List.of(Language.EN, Language.PT, Language.ES)) {
            if (!order.contains(next)) {
                order.add(next);
            }
        }
        return order;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
