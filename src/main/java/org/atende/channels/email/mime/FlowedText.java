package org.atende.channels.email.mime;

/**
 * Text sent {@code format=flowed} (RFC 3676; Apple Mail, Thunderbird) with its soft line breaks joined:
 * a line ending in a space continues on the next one at the same quote depth. Without this, an
 * "On … wrote:" line a client wrapped would no longer be found.
 */
final class FlowedText {

    private FlowedText() {
    }

    static String join(String text, boolean deleteSpace) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        int depth = -1; // the quote depth of the paragraph being joined, -1 when none is open
        for (String raw : lines) {
            int d = 0;
            while (d < raw.length() && raw.charAt(d) == '>') {
                d++;
            }
            String line = raw.substring(d);
            if (line.startsWith(" ")) {
                line = line.substring(1); // space-stuffing
            }
            if (depth >= 0 && d != depth) {
                out.append('\n'); // a flowed paragraph may not run into another quote depth
            } else if (depth < 0 && !out.isEmpty()) {
                out.append('\n');
            }
            if (depth < 0 || d != depth) {
                out.append(">".repeat(d)).append(d > 0 && !line.isEmpty() ? " " : "");
            }
            boolean soft = line.endsWith(" ") && !line.equals("-- ");
            out.append(soft && deleteSpace ? line.substring(0, line.length() - 1) : line);
            depth = soft ? d : -1;
        }
        return out.toString();
    }
}
