package org.atende.routing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.atende.customers.Language;
import org.atende.identity.TeamId;
import org.atende.identity.UserId;
import org.atende.tickets.TimelineEventView;
import org.jspecify.annotations.Nullable;

/**
 * A {@code ROUTED} line of a ticket's timeline, read back: the rule (none: the default team), the method, what came of
 * it, the language whose speakers were preferred, and the owner before and after. Its detail is written as
 * {@code rule=5;method=ROUND_ROBIN;outcome=ASSIGNED;language=ES;name=Rule name} (the name last: it may hold anything).
 */
public record RoutedLine(@Nullable Long ruleId, @Nullable String ruleName, RoutingMethod method, Outcome outcome,
        @Nullable Language language, @Nullable TeamId teamBefore, @Nullable UserId assigneeBefore, @Nullable TeamId team,
        @Nullable UserId assignee) {

    public static final String KIND = "ROUTED";

    /** What routing did with the ticket. */
    public enum Outcome {
        /** Given to an agent of the team. */
        ASSIGNED,
        /** Left in the team's queue, as the method says ({@code NONE}). */
        TEAM_QUEUE,
        /** Left in the team's queue: none of its agents was available. */
        NO_AVAILABLE_AGENT
    }

    /** True for a line by the default team rather than a rule. */
    public boolean byDefault() {
        return ruleId == null;
    }

    public static String detail(@Nullable RoutingRule rule, RoutingMethod method, Outcome outcome, @Nullable Language preferred) {
        return "rule=" + (rule == null ? "default" : rule.id()) + ";method=" + method + ";outcome=" + outcome
                + (preferred == null ? "" : ";language=" + preferred) + ";name=" + (rule == null ? "" : rule.name());
    }

    /** The line's facts, when it is a {@code ROUTED} line written as above. */
    public static Optional<RoutedLine> of(TimelineEventView e) {
        if (!KIND.equals(e.kind()) || e.detail() == null) {
            return Optional.empty();
        }
        String detail = e.detail();
        int name = detail.indexOf(";name=");
        Map<String, String> parts = parts(name < 0 ? detail : detail.substring(0, name), ";");
        try {
            String rule = parts.getOrDefault("rule", "default");
            Map<String, String> before = parts(e.before(), ";");
            Map<String, String> after = parts(e.after(), ";");
            return Optional.of(new RoutedLine(rule.equals("default") ? null : Long.valueOf(rule),
                    name < 0 || rule.equals("default") ? null : detail.substring(name + 6),
                    RoutingMethod.valueOf(parts.get("method")), Outcome.valueOf(parts.get("outcome")),
                    parts.containsKey("language") ? Language.valueOf(parts.get("language")) : null,
                    id(before.get("team"), TeamId::new), id(before.get("assignee"), UserId::new),
                    id(after.get("team"), TeamId::new), id(after.get("assignee"), UserId::new)));
        } catch (RuntimeException unreadable) { // written by another version: shown as a plain line
            return Optional.empty();
        }
    }

    private static Map<String, String> parts(@Nullable String text, String separator) {
        Map<String, String> found = new HashMap<>();
        if (text != null) {
            for (String part : text.split(separator)) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    found.put(part.substring(0, eq), part.substring(eq + 1));
                }
            }
        }
        return found;
    }

    private static <T> @Nullable T id(@Nullable String text, java.util.function.LongFunction<T> make) {
        return text == null || text.isEmpty() ? null : make.apply(Long.parseLong(text));
    }
}
