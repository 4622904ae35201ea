package org.atende.macros;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A macro's text: plain text with {@code {{placeholder}}}s. Checking lists every placeholder that is not one of
 * {@link Placeholder} and every {@code {{} left open; filling refuses both, so a raw placeholder is never sent.
 */
final class MacroTemplate {

    static final String UNKNOWN = "placeholder.unknown";
    static final String UNCLOSED = "placeholder.unclosed";

    private static final Pattern TOKEN = Pattern.compile("\\{\\{([^{}]*)\\}\\}");

    private MacroTemplate() {
    }

    /** A placeholder that cannot be filled: {@code code} is {@link #UNKNOWN} or {@link #UNCLOSED}, {@code text} as written. */
    record Fault(String code, String text) {
    }

    static List<Fault> faults(String text) {
        List<Fault> faults = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        int at = 0;
        while (m.find()) {
            unclosed(text.substring(at, m.start()), faults);
            if (Placeholder.named(m.group(1)).isEmpty()) {
                faults.add(new Fault(UNKNOWN, m.group()));
            }
            at = m.end();
        }
        unclosed(text.substring(at), faults);
        return faults;
    }

    /** The text with every placeholder filled; refused (IllegalArgumentException) if any cannot be. */
    static String fill(String text, Map<Placeholder, String> values) {
        List<Fault> faults = faults(text);
        if (!faults.isEmpty()) {
            throw new IllegalArgumentException("cannot fill " + faults.stream().map(Fault::text).toList());
        }
        Matcher m = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Placeholder p = Placeholder.named(m.group(1)).orElseThrow();
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(p, "")));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Text between placeholders holding a "{{" that no "}}" closes. */
    private static void unclosed(String between, List<Fault> faults) {
        int open = between.indexOf("{{");
        if (open >= 0) {
            String rest = between.substring(open);
            faults.add(new Fault(UNCLOSED, rest.length() > 40 ? rest.substring(0, 40) + "…" : rest));
        }
    }
}
