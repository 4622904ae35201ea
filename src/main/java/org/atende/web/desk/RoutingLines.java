package org.atende.web.desk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.atende.identity.TeamId;
import org.atende.routing.RoutedLine;
import org.atende.tickets.TimelineEventView;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * What routing did with a ticket, in the page's language, from its timeline: each routing (the rule or the default team,
 * the method, the team and agent, the language preferred, or why it stayed in the team's queue) and each hand-back.
 */
final class RoutingLines {

    private final MessageSource messages;
    private final Locale locale;
    private final Names names;

    RoutingLines(MessageSource messages, Locale locale, Names names) {
        this.messages = messages;
        this.locale = locale;
        this.names = names;
    }

    List<TimelineLine> lines(List<TimelineEventView> events) {
        List<TimelineLine> lines = new ArrayList<>();
        for (TimelineEventView e : events) {
            String at = ClockFormat.time(e.at(), locale);
            if (e.kind().equals("HANDED_BACK")) {
                lines.add(new TimelineLine(at, say("routing.line.handedBack", e.actor(), team(e.after())), "paused"));
            } else {
                RoutedLine.of(e).ifPresent(r -> lines.add(new TimelineLine(at, text(r), "")));
            }
        }
        return lines;
    }

    private String text(RoutedLine r) {
        String method = say("routing.method." + r.method());
        String how = r.byDefault() ? say(r.teamBefore() == null ? "routing.line.default" : "routing.line.default.again", method)
                : say(r.teamBefore() == null ? "routing.line.rule" : "routing.line.rule.again", r.ruleName(), method);
        String team = names.team(r.team());
        String to = switch (r.outcome()) {
            case ASSIGNED -> say("routing.line.to", team, names.user(r.assignee()));
            case TEAM_QUEUE -> say("routing.line.toQueue", team);
            case NO_AVAILABLE_AGENT -> say("routing.line.noAgent", team);
        };
        String language = r.language() == null ? "" : " " + say("routing.line.language", say("routing.language." + r.language()));
        return how + " → " + to + language;
    }

    /** The team of a {@code team=3;assignee=} owner. */
    private String team(@Nullable String owner) {
        if (owner != null && owner.startsWith("team=") && owner.indexOf(';') > 5) {
            return names.team(new TeamId(Long.parseLong(owner.substring(5, owner.indexOf(';')))));
        }
        return "—";
    }

    private String say(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
