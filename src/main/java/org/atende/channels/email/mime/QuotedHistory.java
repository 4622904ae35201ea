package org.atende.channels.email.mime;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds away the history a reply quotes, cutting at the earliest of: the desk's "reply above this line"
 * separator (in any of its languages, quoted or not), an "Original Message" or forward line, an Outlook
 * "From: … Sent: …" header block, an "On … wrote:" line followed by quoted lines (or by nothing), or
 * quoted lines that run to the end. An answer written between quotes is kept whole. The full text stays
 * in {@link ParsedMail#text()}; when folding would leave nothing, the text is kept as it is.
 */
final class QuotedHistory {

    private static final List<String> SEPARATORS = List.of("-- please reply above this line --",
            "-- por favor responda por cima desta linha --", "-- por favor, responda encima de esta línea --",
            "-- por favor, responda por encima de esta línea --");
    private static final Pattern ORIGINAL = Pattern.compile("^[\\s>]*-{2,}\\s*(original message|mensaje original|mensagem original"
            + "|forwarded message|mensaje reenviado|mensagem encaminhada|mensagem reencaminhada)\\s*-{2,}\\s*$"
            + "|^\\s*begin forwarded message:\\s*$|^\\s*inicio del mensaje reenviado:\\s*$|^\\s*início da mensagem reencaminhada:\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FROM_LINE = Pattern.compile("^[\\s>]*\\*?(from|de|von)\\s*:\\*?\\s*.+", Pattern.CASE_INSENSITIVE);
    private static final Pattern SENT_LINE = Pattern.compile("^[\\s>]*\\*?(sent|date|enviado|enviada|enviado el|enviado em|fecha|data"
            + "|gesendet)\\s*:\\*?\\s*.+", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_LINE = Pattern.compile("^[\\s>]*\\*?(to|para|an|subject|asunto|assunto|betreff|cc)\\s*:\\*?.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WROTE = Pattern.compile("^\\s*(on|el|em|a|le|am)\\s.+(wrote|escribió|escreveu|a écrit|schrieb)\\s*:\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WROTE_START = Pattern.compile("^\\s*(on|el|em|le|am)\\s.+", Pattern.CASE_INSENSITIVE);
    private static final Pattern WROTE_END = Pattern.compile("^.*(wrote|escribió|escreveu|a écrit|schrieb)\\s*:\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RULE = Pattern.compile("[_=*-][_=*\\s-]+[_=*-]");

    private QuotedHistory() {
    }

    static String fold(String text) {
        String[] lines = text.split("\n", -1);
        int cut = lines.length;
        for (int i = 0; i < lines.length && cut == lines.length; i++) {
            String line = lines[i].strip();
            String lower = line.toLowerCase(Locale.ROOT);
            if (SEPARATORS.stream().anyMatch(lower::contains) || ORIGINAL.matcher(line).matches()) {
                cut = i;
            } else if (FROM_LINE.matcher(line).matches() && headerBlock(lines, i)) {
                cut = i;
            } else if (wrote(lines, i)) {
                cut = i;
            } else if (line.startsWith(">") && quotedToTheEnd(lines, i)) {
                cut = i;
            }
        }
        while (cut > 0 && (lines[cut - 1].isBlank() || RULE.matcher(lines[cut - 1].strip()).matches())) {
            cut--; // the blank lines and the rule Outlook draws above its header block
        }
        String kept = String.join("\n", Arrays.copyOfRange(lines, 0, cut)).strip();
        return kept.isBlank() ? text.strip() : kept;
    }

    /** "From:" then, within the next four lines, "Sent:"/"Date:" and one of "To:"/"Subject:". */
    private static boolean headerBlock(String[] lines, int from) {
        boolean sent = false;
        boolean other = false;
        for (int j = from + 1; j < lines.length && j <= from + 4; j++) {
            sent |= SENT_LINE.matcher(lines[j].strip()).matches();
            other |= HEADER_LINE.matcher(lines[j].strip()).matches();
        }
        return sent && other;
    }

    /** "On … wrote:" (on one line or two), then quoted lines or nothing. */
    private static boolean wrote(String[] lines, int i) {
        int next;
        if (WROTE.matcher(lines[i].strip()).matches()) {
            next = i + 1;
        } else if (i + 1 < lines.length && WROTE_START.matcher(lines[i].strip()).matches()
                && WROTE_END.matcher(lines[i + 1].strip()).matches()) {
            next = i + 2;
        } else {
            return false;
        }
        while (next < lines.length && lines[next].isBlank()) {
            next++;
        }
        return next == lines.length || lines[next].strip().startsWith(">");
    }

    private static boolean quotedToTheEnd(String[] lines, int from) {
        for (int j = from; j < lines.length; j++) {
            String l = lines[j].strip();
            if (!l.isEmpty() && !l.startsWith(">")) {
                return false;
            }
        }
        return true;
    }
}
