package org.atende.web.desk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.atende.sla.ClockState;
import org.atende.sla.ClockView;
import org.atende.sla.TicketClocks;
import org.atende.tickets.TimelineEventView;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * Explains a ticket's clocks in the page's language from its timeline: when it was received, each
 * pause and resume, priority and type changes, warnings, breaches, the first answer and the resolution
 * (met or late), and the stop by reclassification as technical service.
 */
final class SlaTimeline {

    private final MessageSource messages;
    private final Locale locale;

    SlaTimeline(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    List<TimelineLine> lines(List<TimelineEventView> events, TicketClocks clocks) {
        List<TimelineLine> lines = new ArrayList<>();
        boolean answered = false;
        for (TimelineEventView e : events) {
            String at = ClockFormat.time(e.at(), locale);
            String clock = clockName(e.field());
            switch (e.kind()) {
                case "CREATED" -> lines.add(new TimelineLine(at, say("desk.sla.received"), "running"));
                case "STATUS_CHANGED" -> {
                    String text = say("desk.sla.status", status(e.before()), status(e.after()));
                    String style = "";
                    if ("RESOLVED".equals(e.after()) && clocks.resolution() != null) {
                        text += " — " + outcome("desk.sla.resolution", clocks.resolution());
                        style = outcomeStyle(clocks.resolution());
                    }
                    lines.add(new TimelineLine(at, text, style));
                }
                case "CHANGED" -> {
                    if ("priority".equals(e.field())) {
                        lines.add(new TimelineLine(at, say("desk.sla.priority", priority(e.before()), priority(e.after())), ""));
                    } else if ("type".equals(e.field())) {
                        lines.add(new TimelineLine(at, say("desk.sla.type", type(e.before()), type(e.after())), ""));
                    }
                }
                case "MESSAGE_ADDED" -> {
                    if (!answered && e.detail() != null && e.detail().startsWith("agent ")) {
                        answered = true;
                        ClockView first = clocks.firstResponse();
                        lines.add(new TimelineLine(at, say("desk.sla.answered")
                                + (first == null ? "" : " — " + outcome("desk.sla.firstResponse", first)), outcomeStyle(first)));
                    }
                }
                case "SLA_PAUSED" -> lines.add(new TimelineLine(at, say("desk.sla.paused", clock), "paused"));
                case "SLA_RESUMED" -> lines.add(new TimelineLine(at, say("desk.sla.resumed", clock), "running"));
                case "SLA_TARGET_CHANGED" -> lines.add(new TimelineLine(at, say("desk.sla.retargeted", clock), ""));
                case "SLA_WARNING" -> lines.add(new TimelineLine(at, say("desk.sla.warned", clock), "warning"));
                case "SLA_BREACHED" -> lines.add(new TimelineLine(at, say("desk.sla.breached", clock), "breached"));
                case "SLA_EXCLUDED" -> lines.add(new TimelineLine(at, say("desk.sla.excluded"), "paused"));
                case "SLA_RESTARTED" -> lines.add(new TimelineLine(at, say("desk.sla.restarted"), "running"));
                default -> { }
            }
        }
        return lines;
    }

    private String outcome(String clockKey, ClockView clock) {
        String state = clock.state() == ClockState.MET ? "met" : clock.state() == ClockState.BREACHED ? "breached" : null;
        return state == null ? say(clockKey) : say(clockKey) + ": " + say("desk.clock." + state);
    }

    private static String outcomeStyle(@Nullable ClockView clock) {
        return clock == null ? "" : clock.state() == ClockState.MET ? "met" : clock.state() == ClockState.BREACHED ? "breached" : "";
    }

    private String clockName(@Nullable String field) {
        if ("FIRST_RESPONSE".equals(field)) {
            return say("desk.sla.firstResponse");
        }
        if ("RESOLUTION".equals(field)) {
            return say("desk.sla.resolution");
        }
        return say("desk.sla.clocks");
    }

    private String status(@Nullable String s) {
        return s == null ? "—" : say("desk.status." + s);
    }

    private String priority(@Nullable String s) {
        return s == null ? "—" : say("desk.priority." + s);
    }

    private String type(@Nullable String s) {
        return s == null ? "—" : say("desk.type." + s);
    }

    private String say(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
