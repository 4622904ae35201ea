package org.atende.channels.email.mime;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The ticket tag in a subject, {@code [#1042]}: written on every mail the desk sends, read on every mail it gets. */
public final class SubjectTag {

    private static final Pattern TAG = Pattern.compile("\\[#(\\d{1,18})\\]");

    private SubjectTag() {
    }

    public static OptionalLong find(String subject) {
        Matcher m = TAG.matcher(subject);
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /** The subject with the ticket's tag at the end, unless it already carries it. */
    public static String add(String subject, long number) {
        String tag = "[#" + number + "]";
        String s = subject.strip();
        return s.contains(tag) ? s : (s.isEmpty() ? tag : s + " " + tag);
    }
}
