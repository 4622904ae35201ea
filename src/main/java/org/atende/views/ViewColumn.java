package org.atende.views;

import java.util.List;

/** The columns a view may show, in the order a new view shows its defaults. */
public enum ViewColumn {
    NUMBER, SUBJECT, ORGANISATION, PRIORITY, STATUS, ASSIGNEE, DUE, TEAM, CHANNEL, TYPE, TAGS, RECEIVED, UPDATED;

    public static final List<ViewColumn> DEFAULTS = List.of(NUMBER, SUBJECT, ORGANISATION, PRIORITY, STATUS, ASSIGNEE, DUE);

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
