package org.atende.identity;

/** Where a team sits in the escalation path. */
public enum TeamKind {
    FIRST_LINE, SECOND_LINE, ENGINEERING
}
