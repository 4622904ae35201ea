package org.atende.tickets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.atende.customers.ContactId;
import org.atende.customers.OrganisationId;
import org.atende.identity.TeamId;
import org.atende.identity.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Ticket lists: explicit SQL over the indexes on status, organisation, assignee, team and due time. */
@Component
class TicketSearch {

    private final JdbcClient jdbc;

    TicketSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    TicketPage find(TicketQuery q) {
        List<Object> params = new ArrayList<>();
        String where = where(q, params);
        long total = jdbc.sql("SELECT COUNT(*) FROM ticket t" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(q.size());
        pageParams.add((long) q.page() * q.size());
        List<TicketView> items = jdbc.sql("SELECT t.* FROM ticket t" + where + " ORDER BY " + order(q.sort())
                        + " LIMIT ? OFFSET ?")
                .params(pageParams).query(TicketSearch::row).list();
        return new TicketPage(withTags(items), q.page(), q.size(), total);
    }

    /**
     * Every ticket the query matches, in its order (its page and size aside): the ids when there are at most
     * {@code limit}, else none; and how many match in all.
     */
    Matching matching(TicketQuery q, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(q, params);
        long total = jdbc.sql("SELECT COUNT(*) FROM ticket t" + where).params(params).query(Long.class).single();
        if (total > limit) {
            return new Matching(List.of(), total);
        }
        List<Object> limited = new ArrayList<>(params);
        limited.add(limit);
        return new Matching(jdbc.sql("SELECT t.id FROM ticket t" + where + " ORDER BY " + order(q.sort()) + " LIMIT ?")
                .params(limited).query((rs, n) -> new TicketId(rs.getLong(1))).list(), total);
    }

    record Matching(List<TicketId> ids, long total) {
    }

    private static String where(TicketQuery q, List<Object> params) {
        List<String> clauses = new ArrayList<>();
        if (!q.statuses().isEmpty()) {
            clauses.add(in("t.status", q.statuses().stream().map(Enum::name).toList(), params));
        }
        if (!q.priorities().isEmpty()) {
            clauses.add(in("t.priority", q.priorities().stream().map(Enum::name).toList(), params));
        }
        if (q.organisationId() != null) {
            clauses.add("t.organisation_id = ?");
            params.add(q.organisationId().value());
        }
        if (q.assigneeId() != null) {
            clauses.add("t.assignee_id = ?");
            params.add(q.assigneeId().value());
        }
        if (q.teamId() != null) {
            clauses.add("t.team_id = ?");
            params.add(q.teamId().value());
        }
        if (q.channel() != null) {
            clauses.add("t.channel = ?");
            params.add(q.channel().name());
        }
        if (q.type() != null) {
            clauses.add("t.type = ?");
            params.add(q.type().name());
        }
        if (q.overQuota() != null) {
            clauses.add("t.over_quota = ?");
            params.add(q.overQuota());
        }
        if (q.organisations() != null) {
            if (q.organisations().isEmpty()) {
                clauses.add("1 = 0");
            } else {
                clauses.add(in("t.organisation_id", q.organisations().stream().map(o -> (Object) o.value()).toList(), params));
            }
        }
        if (q.assigned() != null) {
            clauses.add(q.assigned() ? "t.assignee_id IS NOT NULL" : "t.assignee_id IS NULL");
        }
        if (q.ids() != null) {
            if (q.ids().isEmpty()) {
                clauses.add("1 = 0");
            } else {
                clauses.add(in("t.id", q.ids().stream().map(i -> (Object) i.value()).sorted().toList(), params));
            }
        }
        if (q.tag() != null) {
            clauses.add("EXISTS (SELECT 1 FROM ticket_tag g WHERE g.ticket_id = t.id AND g.tag = ?)");
            params.add(q.tag().toLowerCase(Locale.ROOT));
        }
        if (q.text() != null && !q.text().isBlank()) {
            clauses.add("LOWER(t.subject) LIKE ?");
            params.add("%" + q.text().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    private static String in(String column, List<?> values, List<Object> params) {
        params.addAll(values);
        return column + " IN (" + String.join(",", values.stream().map(v -> "?").toList()) + ")";
    }

    private static String order(TicketQuery.Sort sort) {
        return switch (sort) {
            case DUE -> "t.next_due_at ASC NULLS LAST, t.id ASC";
            case CREATED -> "t.received_at ASC, t.id ASC";
            case CREATED_DESC -> "t.received_at DESC, t.id DESC";
            case UPDATED_DESC -> "t.updated_at DESC, t.id DESC";
            case PRIORITY -> "CASE t.priority WHEN 'URGENT' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 ELSE 3 END, "
                    + "t.next_due_at ASC NULLS LAST, t.id ASC";
        };
    }

    private List<TicketView> withTags(List<TicketView> items) {
        if (items.isEmpty()) {
            return items;
        }
        Map<Long, Set<String>> tags = new HashMap<>();
        List<Object> ids = items.stream().<Object>map(t -> t.id().value()).toList();
        jdbc.sql("SELECT ticket_id, tag FROM ticket_tag WHERE ticket_id IN ("
                        + String.join(",", ids.stream().map(i -> "?").toList()) + ")")
                .params(ids)
                .query(rs -> {
                    tags.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getString(2));
                });
        return items.stream().map(t -> t.withTags(tags.getOrDefault(t.id().value(), Set.of()))).toList();
    }

    private static TicketView row(ResultSet rs, int n) throws SQLException {
        return new TicketView(new TicketId(rs.getLong("id")), rs.getLong("number"),
                new OrganisationId(rs.getLong("organisation_id")), nullable(rs, "requester_contact_id", ContactId::new),
                Channel.valueOf(rs.getString("channel")), rs.getString("subject"),
                TicketType.valueOf(rs.getString("type")), rs.getString("category"),
                Priority.valueOf(rs.getString("priority")), enumOrNull(rs.getString("suggested_priority")),
                rs.getBoolean("triaged"), TicketStatus.valueOf(rs.getString("status")),
                nullable(rs, "assignee_id", UserId::new), nullable(rs, "team_id", TeamId::new), Set.of(),
                instant(rs, "received_at"), instant(rs, "updated_at"), instant(rs, "resolved_at"),
                instant(rs, "closed_at"), instant(rs, "next_due_at"), rs.getBoolean("over_quota"),
                rs.getString("closed_as") == null ? null : ClosedAs.valueOf(rs.getString("closed_as")),
                nullable(rs, "merged_into_id", TicketId::new), rs.getInt("version"));
    }

    private static <T> T nullable(ResultSet rs, String column, java.util.function.LongFunction<T> of) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : of.apply(v);
    }

    private static Priority enumOrNull(String s) {
        return s == null ? null : Priority.valueOf(s);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
