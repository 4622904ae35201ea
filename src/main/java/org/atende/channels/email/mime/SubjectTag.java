package org.atende.channels.email.mime;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ticket tag in a subject, {@code [#1042]}: written on every mail the desk sends, read on every mail
 * it gets. The desk writes its tag last, and mail clients only ever add in front ("Re:", "Fwd:", a
 * list's name), so the last tag of a subject is the desk's latest: a ticket opened from a reply to
 * another ticket carries both tags, and the answer to it must come back to the new one.
 */
public final class SubjectTag {

    private static final Pattern TAG = Pattern.compile("\\[#(\\d{1,18})\\]");

    private SubjectTag() {
    }

    /** The number of the last tag in the subject. */
    public static OptionalLong find(String subject) {
        Matcher m = TAG.matcher(subject);
        OptionalLong last = OptionalLong.empty();
        while (m.find()) {
            last = OptionalLong.of(Long.parseLong(m.group(1)));
        }
        return last;
    }

    /** The subject with the ticket's tag at the end, unless it already ends with it; nothing else is changed. */
    public static String add(String subject, long number) {
        String tag = "[#" + number + "]";
        String s = subject.stripTrailing();
        if (find(s).orElse(-1) == number) {
            return s;
        }
        return s.isEmpty() ? tag : s + " " + tag;
    }
}
