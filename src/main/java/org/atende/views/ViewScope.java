package org.atende.views;

/**
 * Whose a view is: {@code PERSONAL} (its owner's alone), {@code TEAM} (a team's members see it; leads and
 * admins make and change it) or {@code SHARED} (every member of staff sees it; leads and admins make and change it).
 */
public enum ViewScope {
    PERSONAL, TEAM, SHARED
}
