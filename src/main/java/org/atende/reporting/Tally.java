package org.atende.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/** The compliance figures of one group being counted: from tickets' figures, or from stored cells (see {@link ReportCells}). */
final class Tally {

    long tickets;
    long firstMet;
    long firstBreached;
    long resolutionMet;
    long resolutionBreached;
    long pausedTickets;
    long pausedTotal;
    long reopened;
    final Times first = new Times();
    final Times resolution = new Times();
    final Times paused = new Times();

    /** Counts a ticket in ({@code sign} 1) or out again ({@code sign} -1, its stored figures replaced by live ones). */
    void add(TicketFigures f, int sign) {
        tickets += sign;
        firstMet += f.first() == ClockOutcome.MET ? sign : 0;
        firstBreached += f.first() == ClockOutcome.BREACHED ? sign : 0;
        resolutionMet += f.resolution() == ClockOutcome.MET ? sign : 0;
        resolutionBreached += f.resolution() == ClockOutcome.BREACHED ? sign : 0;
        reopened += f.reopened() ? sign : 0;
        pausedTotal += sign * f.pausedSeconds();
        time(first, f.firstSeconds(), sign);
        time(resolution, f.resolutionSeconds(), sign);
        if (f.pausedSeconds() > 0 || f.pausedSince() != null) { // paused for a while, or waiting now (if only over a weekend)
            pausedTickets += sign;
            time(paused, f.pausedSeconds(), sign);
        }
    }

    /** Adds ({@code sign} 1) or takes out ({@code sign} -1) a stored cell's counts and histograms. */
    void addCell(ResultSet rs, int sign) throws SQLException {
        tickets += sign * rs.getLong("tickets");
        firstMet += sign * rs.getLong("fr_met");
        firstBreached += sign * rs.getLong("fr_breached");
        resolutionMet += sign * rs.getLong("res_met");
        resolutionBreached += sign * rs.getLong("res_breached");
        pausedTickets += sign * rs.getLong("paused_tickets");
        pausedTotal += sign * rs.getLong("paused_total");
        reopened += sign * rs.getLong("reopened");
        first.addEncoded(rs.getString("fr_times"), sign);
        resolution.addEncoded(rs.getString("res_times"), sign);
        paused.addEncoded(rs.getString("paused_times"), sign);
    }

    /** Adds ({@code sign} 1) or takes out ({@code sign} -1) another group's figures. */
    void add(Tally t, int sign) {
        tickets += sign * t.tickets;
        firstMet += sign * t.firstMet;
        firstBreached += sign * t.firstBreached;
        resolutionMet += sign * t.resolutionMet;
        resolutionBreached += sign * t.resolutionBreached;
        pausedTickets += sign * t.pausedTickets;
        pausedTotal += sign * t.pausedTotal;
        reopened += sign * t.reopened;
        first.addAll(t.first, sign);
        resolution.addAll(t.resolution, sign);
        paused.addAll(t.paused, sign);
    }

    /** Whether the two hold the same counts and histograms (as stored: what a cell's row would be). */
    boolean sameAs(Tally other) {
        return tickets == other.tickets && firstMet == other.firstMet && firstBreached == other.firstBreached
                && resolutionMet == other.resolutionMet && resolutionBreached == other.resolutionBreached
                && pausedTickets == other.pausedTickets && pausedTotal == other.pausedTotal && reopened == other.reopened
                && first.encode().equals(other.first.encode()) && resolution.encode().equals(other.resolution.encode())
                && paused.encode().equals(other.paused.encode());
    }

    ComplianceRow row(String key, String label) {
        return new ComplianceRow(key, label, tickets, firstMet, firstBreached, tickets - firstMet - firstBreached,
                share(firstMet, firstBreached), resolutionMet, resolutionBreached, tickets - resolutionMet - resolutionBreached,
                share(resolutionMet, resolutionBreached), first.percentile(0.5), first.percentile(0.9),
                resolution.percentile(0.5), resolution.percentile(0.9), pausedTickets, paused.percentile(0.5), pausedTotal,
                reopened);
    }

    private static void time(Times times, @Nullable Long seconds, int sign) {
        if (seconds == null) {
            return;
        }
        if (sign > 0) {
            times.add(seconds);
        } else {
            times.remove(seconds);
        }
    }

    private static @Nullable Double share(long met, long breached) {
        return met + breached == 0 ? null : (double) met / (met + breached);
    }
}
