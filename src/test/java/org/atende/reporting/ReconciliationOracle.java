package org.atende.reporting;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.atende.calendar.Break;
import org.atende.calendar.BusinessCalendar;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every report figure of one organisation recomputed straight from the desk's own tables — the tickets,
 * the clocks with their pauses, the timeline — on the support calendar, without any of the reporting
 * code: what the reports must equal. Kept deliberately plain: replay and count.
 */
final class ReconciliationOracle {

    static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    private static final Set<String> DONE = Set.of("RESOLVED", "CLOSED");

    record Ticket(long id, long number, long organisation, long plan, String status, String type, String priority, String channel, @Nullable Long team,
            @Nullable Long agent, Instant receivedAt, @Nullable String closedAs, boolean overQuota, List<Event> timeline) {

        String month() {
            return YearMonth.from(receivedAt.atZone(LISBON)).toString();
        }

        boolean counted() {
            return !type.equals("TECHNICAL_SERVICE") && closedAs == null;
        }
    }

    record Event(long id, Instant at, String kind, @Nullable String field, @Nullable String before, @Nullable String after) {
    }

    record Clock(String kind, Instant start, int amount, String unit, List<Instant[]> pauses, @Nullable Instant stopped,
            @Nullable Instant excluded) {
    }

    /** A clock read at an instant: its outcome, the seconds it counted when stopped, its paused time, its due time. */
    record Reading(String outcome, @Nullable Long seconds, long paused, Instant due, boolean pausedNow) {
    }

    final List<Ticket> tickets;
    final Map<Long, Map<String, Reading>> readings = new HashMap<>();
    final Instant now;

    /** The figures of one organisation's tickets, or of every organisation's ({@code organisation} 0). */
    ReconciliationOracle(JdbcClient jdbc, BusinessCalendar calendar, long organisation, Instant now) {
        this.now = now;
        Map<Long, List<Event>> timelines = new HashMap<>();
        jdbc.sql("""
                SELECT e.id, e.ticket_id, e.occurred_at, e.kind, e.field, e.before_value, e.after_value FROM timeline_event e
                JOIN ticket t ON t.id = e.ticket_id WHERE (? = 0 OR t.organisation_id = ?) ORDER BY e.id""").params(organisation, organisation)
                .query(rs -> {
                    timelines.computeIfAbsent(rs.getLong("ticket_id"), k -> new ArrayList<>()).add(new Event(rs.getLong("id"),
                            rs.getTimestamp("occurred_at").toInstant(), rs.getString("kind"), rs.getString("field"),
                            rs.getString("before_value"), rs.getString("after_value")));
                });
        tickets = jdbc.sql("""
                SELECT t.id, t.number, t.organisation_id, o.plan_id, t.status, t.type, t.priority, t.channel, t.team_id, t.assignee_id,
                       t.received_at, t.closed_as, t.over_quota
                FROM ticket t JOIN organisation o ON o.id = t.organisation_id WHERE (? = 0 OR t.organisation_id = ?) ORDER BY t.id""")
                .params(organisation, organisation)
                .query((rs, n) -> new Ticket(rs.getLong("id"), rs.getLong("number"), rs.getLong("organisation_id"), rs.getLong("plan_id"),
                        rs.getString("status"), rs.getString("type"),
                        rs.getString("priority"), rs.getString("channel"), (Long) rs.getObject("team_id", Long.class),
                        (Long) rs.getObject("assignee_id", Long.class), rs.getTimestamp("received_at").toInstant(),
                        rs.getString("closed_as"), rs.getBoolean("over_quota"), timelines.getOrDefault(rs.getLong("id"), List.of())))
                .list();
        Map<String, Clock> clocks = new HashMap<>();
        jdbc.sql("""
                SELECT c.ticket_id, c.kind, c.started_at, c.target_amount, c.target_unit, c.stopped_at, c.excluded_since,
                       p.paused_from, p.paused_to
                FROM sla_clock c JOIN ticket t ON t.id = c.ticket_id LEFT JOIN sla_clock_pause p ON p.ticket_id = c.ticket_id AND p.kind = c.kind
                WHERE (? = 0 OR t.organisation_id = ?) ORDER BY c.ticket_id, c.kind, p.paused_from, p.id""").params(organisation, organisation)
                .query(rs -> {
                    String key = rs.getLong("ticket_id") + "/" + rs.getString("kind");
                    Clock c = clocks.computeIfAbsent(key, k -> {
                        try {
                            return new Clock(rs.getString("kind"), rs.getTimestamp("started_at").toInstant(), rs.getInt("target_amount"),
                                    rs.getString("target_unit"), new ArrayList<>(), instant(rs.getTimestamp("stopped_at")),
                                    instant(rs.getTimestamp("excluded_since")));
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    if (rs.getTimestamp("paused_from") != null) {
                        c.pauses().add(new Instant[] {rs.getTimestamp("paused_from").toInstant(), instant(rs.getTimestamp("paused_to"))});
                    }
                });
        clocks.forEach((key, c) -> readings.computeIfAbsent(Long.parseLong(key.substring(0, key.indexOf('/'))), k -> new HashMap<>())
                .put(c.kind(), read(calendar, c, now)));
    }

    /** The clock on the support calendar with its pauses as breaks, as business-time.md says. */
    static Reading read(BusinessCalendar calendar, Clock c, Instant now) {
        Instant end = c.stopped() != null ? c.stopped() : now;
        List<Break> breaks = new ArrayList<>();
        for (Instant[] p : c.pauses()) {
            Instant to = p[1] != null ? p[1] : end;
            if (to.isAfter(p[0])) {
                breaks.add(new Break(p[0], to));
            }
        }
        BusinessCalendar effective = calendar.withBreaks(breaks);
        Instant due = c.unit().equals("HOURS") ? effective.add(c.start(), Duration.ofHours(c.amount()))
                : effective.addDays(effective.nextOpen(c.start()), c.amount());
        boolean breached = end.isAfter(due);
        String outcome = c.stopped() != null ? (breached ? "BREACHED" : "MET") : breached ? "BREACHED" : "OPEN";
        long counted = effective.elapsed(c.start(), end).getSeconds();
        long paused = calendar.elapsed(c.start(), end).getSeconds() - counted;
        boolean pausedNow = c.stopped() == null && c.excluded() == null && !c.pauses().isEmpty() && c.pauses().getLast()[1] == null;
        return new Reading(outcome, c.stopped() != null ? counted : null, paused, due, pausedNow);
    }

    Reading reading(Ticket t, String kind) {
        return readings.getOrDefault(t.id(), Map.of()).getOrDefault(kind, new Reading("OPEN", null, 0, Instant.MAX, false));
    }

    List<Ticket> counted(YearMonth from, YearMonth to) {
        return tickets.stream().filter(Ticket::counted)
                .filter(t -> t.month().compareTo(from.toString()) >= 0 && t.month().compareTo(to.toString()) <= 0).toList();
    }

    String key(Ticket t, Dimension by) {
        return switch (by) {
            case MONTH -> t.month();
            case PRIORITY -> t.priority();
            case PLAN -> Long.toString(t.plan());
            case ORGANISATION -> Long.toString(t.organisation());
            case TEAM -> t.team() == null ? "" : t.team().toString();
            case AGENT -> t.agent() == null ? "" : t.agent().toString();
            case CHANNEL -> t.channel();
        };
    }

    /** Compliance of a group: [tickets, frMet, frBreached, resMet, resBreached, pausedTickets, pausedTotal, reopened] and the times. */
    record Group(long[] counts, List<Long> first, List<Long> resolution, List<Long> paused) {
    }

    Group group(List<Ticket> members) {
        long[] c = new long[8];
        List<Long> first = new ArrayList<>();
        List<Long> resolution = new ArrayList<>();
        List<Long> paused = new ArrayList<>();
        for (Ticket t : members) {
            Reading f = reading(t, "FIRST_RESPONSE");
            Reading r = reading(t, "RESOLUTION");
            c[0]++;
            c[1] += f.outcome().equals("MET") ? 1 : 0;
            c[2] += f.outcome().equals("BREACHED") ? 1 : 0;
            c[3] += r.outcome().equals("MET") ? 1 : 0;
            c[4] += r.outcome().equals("BREACHED") ? 1 : 0;
            if (r.paused() > 0 || r.pausedNow()) {
                c[5]++;
                paused.add(r.paused());
            }
            c[6] += r.paused();
            c[7] += reopenings(t) > 0 ? 1 : 0;
            if (f.seconds() != null) {
                first.add(f.seconds());
            }
            if (r.seconds() != null) {
                resolution.add(r.seconds());
            }
        }
        return new Group(c, first, resolution, paused);
    }

    static @Nullable Double percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        double rank = p * (sorted.size() - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return sorted.get(lo) + (rank - lo) * (sorted.get(hi) - sorted.get(lo));
    }

    static long reopenings(Ticket t) {
        return t.timeline().stream().filter(e -> "status".equals(e.field()) && DONE.contains(e.before()) && !DONE.contains(e.after()))
                .count();
    }

    static boolean waited(Ticket t) {
        return t.timeline().stream().anyMatch(e -> "status".equals(e.field()) && "WAITING_ON_CUSTOMER".equals(e.after()));
    }

    /** The status a ticket had at the end of a day (NEW if it existed then without a change), or null before it was received. */
    static @Nullable String statusAtEndOf(Ticket t, LocalDate day) {
        Instant end = day.plusDays(1).atStartOfDay(LISBON).toInstant();
        if (!t.receivedAt().isBefore(end)) {
            return null;
        }
        String status = "NEW";
        for (Event e : t.timeline()) {
            if ("status".equals(e.field()) && e.at().isBefore(end)) {
                status = e.after();
            }
        }
        return status;
    }

    /** [opened, resolved, reopened, waiting at the end, backlog at the end] of one day. */
    long[] flow(LocalDate day) {
        long[] f = new long[5];
        Instant start = day.atStartOfDay(LISBON).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(LISBON).toInstant();
        for (Ticket t : tickets) {
            if (!t.receivedAt().isBefore(start) && t.receivedAt().isBefore(end)) {
                f[0]++;
            }
            for (Event e : t.timeline()) {
                if ("status".equals(e.field()) && !e.at().isBefore(start) && e.at().isBefore(end)) {
                    f[1] += !DONE.contains(e.before()) && DONE.contains(e.after()) ? 1 : 0;
                    f[2] += DONE.contains(e.before()) && !DONE.contains(e.after()) ? 1 : 0;
                }
            }
            String status = statusAtEndOf(t, day);
            f[3] += "WAITING_ON_CUSTOMER".equals(status) ? 1 : 0;
            f[4] += status != null && !DONE.contains(status) ? 1 : 0;
        }
        return f;
    }

    /** The kinds and instants of what happened to a ticket up to {@code until}, as the README lists them. */
    static List<String> causes(Ticket t, Instant until) {
        List<String> found = new ArrayList<>();
        for (Event e : t.timeline()) {
            if (e.at().isAfter(until)) {
                continue;
            }
            String field = e.field() == null ? "" : e.field();
            if (field.equals("status") && e.before() != null && !e.before().equals(e.after())) {
                boolean reopen = DONE.contains(e.before()) && !DONE.contains(e.after());
                boolean paused = Set.of("WAITING_ON_CUSTOMER", "ON_HOLD").contains(e.after())
                        || Set.of("WAITING_ON_CUSTOMER", "ON_HOLD").contains(e.before());
                if (reopen) {
                    found.add(e.at() + " REOPENED");
                } else if (paused && !DONE.contains(e.after())) {
                    found.add(e.at() + " STATUS");
                }
            } else if (e.kind().equals("CHANGED") && field.equals("priority")) {
                found.add(e.at() + " PRIORITY");
            } else if (e.kind().equals("CHANGED") && field.equals("type")) {
                found.add(e.at() + " TYPE");
            } else if (e.kind().equals("ESCALATED") || e.kind().equals("SLA_WARNING")) {
                found.add(e.at() + " " + e.kind());
            }
        }
        found.sort(null);
        return found;
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
