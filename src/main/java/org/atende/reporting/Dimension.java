package org.atende.reporting;

/** What compliance is grouped by; each names the read model's column it groups on. */
public enum Dimension {
    MONTH("support_month"), PRIORITY("priority"), PLAN("plan_id"), ORGANISATION("organisation_id"), TEAM("team_id"),
    AGENT("assignee_id"), CHANNEL("channel");

    private final String column;

    Dimension(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }
}
