package org.atende.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One support ticket's figures as its {@code report_ticket} row holds them, and what they are at a given
 * instant: a clock past the due time it was counting towards is breached, and a pause still running has
 * lasted until then ({@link #at}).
 */
record TicketFigures(long ticketId, String month, long organisation, String priority, @Nullable Long plan,
        @Nullable Long team, @Nullable Long agent, String channel, ClockOutcome first, @Nullable Long firstSeconds,
        ClockOutcome resolution, @Nullable Long resolutionSeconds, long pausedSeconds, boolean reopened, String status,
        boolean waited, @Nullable Instant firstDue, @Nullable Instant resolutionDue, @Nullable Instant pausedSince) {

    /** The columns {@link #read} takes; the rows of support tickets counted by the reports (not technical service, spam or a duplicate). */
    static final String COLUMNS = """
            ticket_id, support_month, organisation_id, priority, plan_id, team_id, assignee_id, channel, first_response,
            first_response_seconds, resolution, resolution_seconds, paused_seconds, reopen_count, status, waited,
            first_response_due, resolution_due, paused_since""";
    static final String COUNTED = "NOT technical_service AND closed_as IS NULL";

    private static final Set<String> DONE = Set.of("RESOLVED", "CLOSED");

    static TicketFigures read(ResultSet rs, int n) throws SQLException {
        return new TicketFigures(rs.getLong("ticket_id"), rs.getString("support_month").strip(), rs.getLong("organisation_id"),
                rs.getString("priority"), Sql.nullableLong(rs, "plan_id"), Sql.nullableLong(rs, "team_id"),
                Sql.nullableLong(rs, "assignee_id"), rs.getString("channel"), ClockOutcome.valueOf(rs.getString("first_response")),
                Sql.nullableLong(rs, "first_response_seconds"), ClockOutcome.valueOf(rs.getString("resolution")),
                Sql.nullableLong(rs, "resolution_seconds"), rs.getLong("paused_seconds"), rs.getInt("reopen_count") > 0,
                rs.getString("status"), rs.getBoolean("waited"), Sql.instant(rs, "first_response_due"),
                Sql.instant(rs, "resolution_due"), Sql.instant(rs, "paused_since"));
    }

    /** Whether anything in the figures moves by {@code now} without an event: a due time passed, a pause running. */
    boolean movesBy(Instant now) {
        return pausedSince != null || (firstDue != null && now.isAfter(firstDue)) || (resolutionDue != null && now.isAfter(resolutionDue));
    }

    /** The figures at {@code now}, the running pause ({@code pausedSince}) having taken {@code livePausedSeconds} in all. */
    TicketFigures at(Instant now, long livePausedSeconds) {
        ClockOutcome f = first == ClockOutcome.OPEN && firstDue != null && now.isAfter(firstDue) ? ClockOutcome.BREACHED : first;
        ClockOutcome r = resolution == ClockOutcome.OPEN && resolutionDue != null && now.isAfter(resolutionDue)
                ? ClockOutcome.BREACHED : resolution;
        return new TicketFigures(ticketId, month, organisation, priority, plan, team, agent, channel, f, firstSeconds, r,
                resolutionSeconds, pausedSince == null ? pausedSeconds : livePausedSeconds, reopened, status, waited, firstDue,
                resolutionDue, pausedSince);
    }

    boolean stillOpen() {
        return !DONE.contains(status);
    }

    /** The ticket's group under a dimension; empty when it has none (no team, unassigned). */
    String key(Dimension by) {
        return switch (by) {
            case MONTH -> month;
            case PRIORITY -> priority;
            case PLAN -> plan == null ? "" : plan.toString();
            case ORGANISATION -> Long.toString(organisation);
            case TEAM -> team == null ? "" : team.toString();
            case AGENT -> agent == null ? "" : agent.toString();
            case CHANNEL -> channel;
        };
    }
}
