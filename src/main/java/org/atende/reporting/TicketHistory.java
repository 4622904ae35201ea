package org.atende.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.atende.tickets.TicketStatus;
import org.atende.tickets.TimelineEventView;
import org.jspecify.annotations.Nullable;

/**
 * What a ticket's timeline says for reports, read in the order it was written: its part of each day's
 * flow (opened on the day it was received; resolved, reopened, waiting and backlog changes on the days
 * its status moved), whether it ever waited on the customer, how often it was reopened, and the events
 * that may explain a breach: priority and type changes, pauses and resumes, reopenings, escalations
 * and warnings. Plain Java over the timeline lines, so that a live change and a rebuild read alike.
 */
record TicketHistory(Map<LocalDate, int[]> flow, boolean waited, int reopenings, List<Cause> causes) {

    /** Indexes of a day's flow counters. */
    static final int OPENED = 0, RESOLVED = 1, REOPENED = 2, WAITING = 3, BACKLOG = 4;

    private static final Set<String> DONE = Set.of(TicketStatus.RESOLVED.name(), TicketStatus.CLOSED.name());
    private static final Set<String> PAUSING = Set.of(TicketStatus.WAITING_ON_CUSTOMER.name(), TicketStatus.ON_HOLD.name());

    /** One cause as kept: its kind ({@code PRIORITY}, {@code TYPE}, {@code STATUS}, {@code REOPENED}, {@code ESCALATED}, {@code SLA_WARNING}). */
    record Cause(Instant at, String kind, @Nullable String before, @Nullable String after, String detail) {
    }

    static TicketHistory of(Instant receivedAt, List<TimelineEventView> timeline, ZoneId zone) {
        Map<LocalDate, int[]> flow = new TreeMap<>();
        int[] opened = day(flow, receivedAt, zone);
        opened[OPENED]++;
        opened[BACKLOG]++;
        boolean waited = false;
        int reopenings = 0;
        List<Cause> causes = new ArrayList<>();
        for (TimelineEventView e : timeline) {
            String field = e.field() == null ? "" : e.field();
            if (field.equals("status") && e.before() != null && e.after() != null && !e.before().equals(e.after())) {
                String from = e.before();
                String to = e.after();
                int[] d = day(flow, e.at(), zone);
                boolean wasDone = DONE.contains(from);
                boolean isDone = DONE.contains(to);
                if (!wasDone && isDone) {
                    d[RESOLVED]++;
                    d[BACKLOG]--;
                } else if (wasDone && !isDone) {
                    d[REOPENED]++;
                    d[BACKLOG]++;
                    reopenings++;
                    causes.add(new Cause(e.at(), "REOPENED", from, to, ""));
                }
                d[WAITING] += (to.equals(TicketStatus.WAITING_ON_CUSTOMER.name()) ? 1 : 0)
                        - (from.equals(TicketStatus.WAITING_ON_CUSTOMER.name()) ? 1 : 0);
                waited |= to.equals(TicketStatus.WAITING_ON_CUSTOMER.name());
                if (!(wasDone && !isDone) && !isDone && (PAUSING.contains(to) || PAUSING.contains(from))) {
                    causes.add(new Cause(e.at(), "STATUS", from, to, ""));
                }
            } else if (e.kind().equals("CHANGED") && (field.equals("priority") || field.equals("type"))) {
                causes.add(new Cause(e.at(), field.equals("priority") ? "PRIORITY" : "TYPE", e.before(), e.after(),
                        e.actorUserId() == null && e.detail() != null ? e.detail() : ""));
            } else if (e.kind().equals("ESCALATED")) {
                causes.add(new Cause(e.at(), "ESCALATED", e.before(), e.after(), e.detail() == null ? "" : e.detail()));
            } else if (e.kind().equals("SLA_WARNING")) {
                causes.add(new Cause(e.at(), "SLA_WARNING", null, e.field(), ""));
            }
        }
        flow.values().removeIf(TicketHistory::empty);
        return new TicketHistory(flow, waited, reopenings, causes);
    }

    private static int[] day(Map<LocalDate, int[]> flow, Instant at, ZoneId zone) {
        return flow.computeIfAbsent(at.atZone(zone).toLocalDate(), d -> new int[5]);
    }

    private static boolean empty(int[] counters) {
        for (int c : counters) {
            if (c != 0) {
                return false;
            }
        }
        return true;
    }
}
