package org.atende.web.desk;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

import org.atende.sla.ClockState;
import org.atende.sla.ClockView;
import org.atende.sla.TicketClocks;
import org.atende.tickets.TicketView;
import org.jspecify.annotations.Nullable;

/** How the desk writes clocks and times: business time in hours and minutes, instants in Lisbon time. */
final class ClockFormat {

    static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    private static final String MINUS = "\u2212";

    private ClockFormat() {
    }

    /** The clock a queue row shows: the one due next of the counting clocks, else a paused one, else none. */
    static @Nullable ClockCell next(TicketView ticket, TicketClocks clocks, Instant now, Locale locale) {
        var all = Stream.of(clocks.firstResponse(), clocks.resolution()).filter(Objects::nonNull).toList();
        Instant due = ticket.nextDueAt();
        if (due != null) {
            var counting = all.stream().filter(c -> c.dueAt() != null && !c.isExcluded()
                    && (c.state() == ClockState.RUNNING || c.state() == ClockState.BREACHED))
                    .min(Comparator.comparing(c -> Duration.between(c.dueAt(), due).abs()));
            if (counting.isPresent()) {
                return cell(counting.get(), now, locale);
            }
        }
        return all.stream().filter(c -> c.state() == ClockState.PAUSED && !c.isExcluded()).findFirst()
                .map(c -> cell(c, now, locale)).orElse(null);
    }

    static ClockCell cell(ClockView c, Instant now, Locale locale) {
        String state = switch (c.state()) {
            case RUNNING -> c.isWarning(now) ? "warning" : "running";
            case PAUSED -> "paused";
            case MET -> "met";
            case BREACHED -> "breached";
        };
        Instant due = c.dueAt();
        return new ClockCell(state, duration(c.remainingSeconds()), due == null ? null : dueShort(due, now, locale),
                due == null ? null : full(due, locale));
    }

    /** Business time: "2 h 10 min", "35 min", "−1 h 5 min". */
    static String duration(long seconds) {
        long abs = Math.abs(seconds);
        long hours = abs / 3600;
        long minutes = (abs % 3600) / 60;
        String text = hours == 0 ? minutes + " min" : minutes == 0 ? hours + " h" : hours + " h " + minutes + " min";
        return seconds < 0 && abs >= 60 ? MINUS + text : text;
    }

    /** "Tue 11:20" within the coming week (or the past one), else "Tue 8 Dec 11:20". */
    static String dueShort(Instant due, Instant now, Locale locale) {
        boolean near = Duration.between(now, due).abs().compareTo(Duration.ofDays(6)) < 0;
        return DateTimeFormatter.ofPattern(near ? "EEE HH:mm" : "EEE d MMM HH:mm", locale).format(due.atZone(LISBON));
    }

    /** Date, time and zone, for titles and the ticket page: "2026-12-08 11:20 (Europe/Lisbon)". */
    static String full(Instant at, Locale locale) {
        return DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", locale).format(at.atZone(LISBON)) + " (" + LISBON + ")";
    }

    static String time(Instant at, Locale locale) {
        ZonedDateTime z = at.atZone(LISBON);
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", locale).format(z);
    }
}
