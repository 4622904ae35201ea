package org.atende.routing;

import java.util.List;
import java.util.Map;

/**
 * One thing wrong with a rule or the routing settings: the {@code field} as the API names it
 * ({@code conditions.planId}), a stable {@code code} (pages say it in the reader's language with {@code args}),
 * and its English {@link #message()}.
 */
public record RuleProblem(String field, String code, List<String> args) {

    private static final Map<String, String> ENGLISH = Map.ofEntries(
            Map.entry("required", "required"),
            Map.entry("tooLong", "at most {0} characters"),
            Map.entry("unknownValue", "''{0}'' is not one of {1}"),
            Map.entry("unknownOrganisation", "no organisation {0}"),
            Map.entry("unknownPlan", "no plan {0}"),
            Map.entry("unknownTeam", "no team {0}"),
            Map.entry("emptyTeam", "team ''{0}'' has no active members to give tickets to; choose NONE or add members"),
            Map.entry("badEntry", "''{0}'' must have 1 to {1} characters"),
            Map.entry("tooMany", "at most {0} entries"),
            Map.entry("position", "a position from 1"));

    public RuleProblem {
        args = List.copyOf(args);
    }

    public static RuleProblem of(String field, String code, Object... args) {
        return new RuleProblem(field, code, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    /** In English, for the REST API. */
    public String message() {
        return java.text.MessageFormat.format(ENGLISH.getOrDefault(code, code), args.toArray());
    }

    @Override
    public String toString() {
        return field + ": " + message();
    }
}
