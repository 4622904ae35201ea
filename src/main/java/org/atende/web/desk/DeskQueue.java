package org.atende.web.desk;

import java.util.Arrays;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * The agent desk's queues, in the order of their tabs (and of the keys 1–7 that switch to them).
 * Every queue but {@code ALL} holds only tickets still being worked on.
 */
public enum DeskQueue {
    MINE, TEAM, UNASSIGNED, BREACHING, WAITING, TECHNICAL, ALL;

    static final DeskQueue DEFAULT = MINE;

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The key that switches to it: "1" for the first tab. */
    public String key() {
        return Integer.toString(ordinal() + 1);
    }

    static DeskQueue of(String slug) {
        return Arrays.stream(values()).filter(q -> q.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("queue " + slug));
    }
}
