package org.atende.channels.email.mime;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Folds away what a reply quotes: everything from the desk's "reply above this line" separator, an
 * Outlook "Original Message" or "From: … Sent:" header block, or an "On … wrote:" line followed by
 * quoted lines. The whole text is always kept elsewhere; this is what the conversation shows.
 */
final class QuotedHistory {

    private static final List<String> SEPARATORS = List.of("-- please reply above this line --",
            "-- por favor responda por cima desta linha --", "-- por favor, responda encima de esta línea --");
    private static final Pattern ORIGINAL = Pattern.compile(
            "^\\s*-{2,}\\s*(original message|mensaje original|mensagem original|forwarded message|mensaje reenviado|mensagem encaminhada)\\s*-{2,}\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FROM_LINE = Pattern.compile("^\\s*\\*?(from|de):\\*?\\s.+", Pattern.CASE_INSENSITIVE);
    private static final Pattern SENT_LINE = Pattern.compile("^\\s*\\*?(sent|enviado|enviada|date|fecha|data):\\*?\\s.+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WROTE = Pattern.compile(
            "^\\s*(on|el|em|a|le)\\s.+(wrote|escribió|escreveu|a écrit)\\s*:\\s*$", Pattern.CASE_INSENSITIVE);

    private QuotedHistory() {
    }

    static String fold(String text) {
        String[] lines = text.split("\n", -1);
        int cut = lines.length;
        for (int i = 0; i < lines.length && cut == lines.length; i++) {
            String line = lines[i].strip();
            String lower = line.toLowerCase(java.util.Locale.ROOT);
            if (SEPARATORS.stream().anyMatch(lower::contains) || ORIGINAL.matcher(line).matches()) {
                cut = i;
            } else if (FROM_LINE.matcher(line).matches() && followedBy(lines, i, SENT_LINE, 4)) {
                cut = i;
            } else if (wrote(lines, i)) {
                cut = i;
            } else if (line.startsWith(">") && restIsQuoted(lines, i)) {
                cut = i;
            }
        }
        String kept = String.join("\n", java.util.Arrays.copyOfRange(lines, 0, cut)).strip();
        return kept.isBlank() ? text.strip() : kept;
    }

    private static boolean wrote(String[] lines, int i) {
        String line = lines[i].strip();
        if (WROTE.matcher(line).matches()) {
            return true;
        }
        // "On Tue, 3 Nov 2026 at 10:00, Ana <ana@x>" + newline + "wrote:"
        return i + 1 < lines.length && line.matches("(?i)^(on|el|em)\\s.+")
                && lines[i + 1].strip().matches("(?i)^.*(wrote|escribió|escreveu)\\s*:\\s*$");
    }

    private static boolean followedBy(String[] lines, int from, Pattern pattern, int within) {
        for (int j = from + 1; j < lines.length && j <= from + within; j++) {
            if (pattern.matcher(lines[j].strip()).matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean restIsQuoted(String[] lines, int from) {
        for (int j = from; j < lines.length; j++) {
            String l = lines[j].strip();
            if (!l.isEmpty() && !l.startsWith(">")) {
                return false;
            }
        }
        return true;
    }
}
