package org.atende.routing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.atende.customers.Language;
import org.atende.routing.RoutingMethod;
import org.atende.routing.RoutingRule;
import org.atende.routing.RoutingSettings;
import org.atende.tickets.Channel;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketType;
import org.jspecify.annotations.Nullable;

/** How rules and settings sit in their tables: lists as comma-separated text (words one per line), null for "any". */
public final class RuleRows {

    private RuleRows() {
    }

    /** A checked rule, as its columns take it. */
    public record Values(String name, boolean active, @Nullable String channels, @Nullable Long organisationId,
            @Nullable Long planId, @Nullable String types, @Nullable String categories, @Nullable String languages,
            @Nullable String priorities, @Nullable String tags, @Nullable String words, long teamId, String method) {
    }

    /** Checked default settings. */
    public record Defaults(@Nullable Long teamId, String method) {
    }

    public static RoutingRule rule(ResultSet rs, int n) throws SQLException {
        var conditions = new RoutingRule.Conditions(list(rs.getString("channels"), ",", Channel::valueOf),
                longOrNull(rs, "organisation_id"), longOrNull(rs, "plan_id"), list(rs.getString("types"), ",", TicketType::valueOf),
                list(rs.getString("categories"), ",", Function.identity()), list(rs.getString("languages"), ",", Language::valueOf),
                list(rs.getString("priorities"), ",", Priority::valueOf), list(rs.getString("tags"), ",", Function.identity()),
                list(rs.getString("words"), "\n", Function.identity()));
        return new RoutingRule(rs.getLong("id"), rs.getInt("position"), rs.getString("name"), rs.getBoolean("active"), conditions,
                new RoutingRule.Action(rs.getLong("team_id"), RoutingMethod.valueOf(rs.getString("method"))),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    public static RoutingSettings settings(ResultSet rs, int n) throws SQLException {
        Timestamp updated = rs.getTimestamp("updated_at");
        return new RoutingSettings(longOrNull(rs, "default_team_id"), RoutingMethod.valueOf(rs.getString("default_method")),
                updated == null ? null : updated.toInstant());
    }

    /** The column text of a list: joined, or null when empty ("any"). */
    static @Nullable String join(List<?> values, String separator) {
        return values.isEmpty() ? null : String.join(separator, values.stream().map(Object::toString).toList());
    }

    private static <T> List<T> list(@Nullable String text, String separator, Function<String, T> parse) {
        return text == null || text.isEmpty() ? List.of() : Arrays.stream(text.split(separator)).map(parse).toList();
    }

    private static @Nullable Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
