package org.atende.tickets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.atende.customers.ContactId;
import org.atende.customers.OrganisationId;
import org.atende.identity.TeamId;
import org.atende.identity.UserId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ticket lists: explicit SQL over the indexes on status, organisation, assignee, team and due time, and the
 * full-text index ({@link TicketTextIndex}) when the list searches words. Pages are read by keyset when the
 * caller passes the previous page's cursor ({@link Keyset}); counts stop at {@link TicketPage#COUNT_CAP}.
 */
@Component
class TicketSearch {

    private final JdbcClient jdbc;
    private final TicketTextIndex index;
    private final Clock clock;

    TicketSearch(JdbcClient jdbc, DataSource dataSource, Clock clock) {
        this.jdbc = jdbc;
        this.index = isPostgres(dataSource) ? new PostgresTicketIndex(jdbc) : new H2TicketIndex(jdbc);
        this.clock = clock;
    }

    /** Rewrites a ticket's full-text entry, in the caller's transaction. */
    void reindex(long ticketId) {
        index.reindex(ticketId);
    }

    /** Adds a message just written to its ticket's full-text entry, in the caller's transaction. */
    void added(long ticketId, MessageKind kind, String body) {
        index.add(ticketId, kind, body);
    }

    /** Indexes up to {@code limit} tickets that have no full-text entry yet. */
    int backfill(int limit) {
        return index.backfill(limit);
    }

    /** A page of the list; {@code publicOnly}: the reader is a customer, whose words find only public text. */
    TicketPage find(TicketQuery q, boolean publicOnly) {
        Sql sql = sql(q, publicOnly);
        long counted = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM ticket t" + sql.join() + sql.where()
                        + " LIMIT " + (TicketPage.COUNT_CAP + 1) + ") c").params(sql.params()).query(Long.class).single();
        TicketQuery.Sort sort = sort(q);
        List<Object> pageParams = new ArrayList<>(sql.scoreParams());
        pageParams.addAll(sql.params());
        String where = sql.where();
        int offset = q.page() * q.size();
        if (q.after() != null) {
            if (sort == TicketQuery.Sort.RELEVANCE) {
                offset = Keyset.position(q.after());
            } else {
                where = (where.isEmpty() ? " WHERE " : where + " AND ") + Keyset.where(sort, q.after(), pageParams);
                offset = 0;
            }
        }
        pageParams.add(q.size() + 1);
        pageParams.add(offset);
        List<TicketView> read = jdbc.sql("SELECT t.*, " + sql.score() + " AS score FROM ticket t" + sql.join() + where
                        + " ORDER BY " + order(sort) + " LIMIT ? OFFSET ?")
                .params(pageParams).query(TicketSearch::row).list();
        List<TicketView> items = read.size() > q.size() ? read.subList(0, q.size()) : read;
        String next = read.size() > q.size() ? Keyset.after(sort, items.getLast(), offset + items.size()) : null;
        items = withTags(items);
        Map<TicketId, String> snippets = q.searches() ? Snippets.of(q.text(), Snippets.texts(items, bodies(items, publicOnly)))
                : Map.of();
        return new TicketPage(items, q.page(), q.size(), Math.min(counted, TicketPage.COUNT_CAP),
                counted <= TicketPage.COUNT_CAP, next, snippets);
    }

    /**
     * Every ticket the query matches, in its order (its page and size aside): the ids when there are at most
     * {@code limit}, else none; and how many match in all.
     */
    Matching matching(TicketQuery q, int limit) {
        Sql sql = sql(q, false);
        long total = jdbc.sql("SELECT COUNT(*) FROM ticket t" + sql.join() + sql.where()).params(sql.params())
                .query(Long.class).single();
        if (total > limit) {
            return new Matching(List.of(), total);
        }
        List<Object> limited = new ArrayList<>(sql.scoreParams());
        limited.addAll(sql.params());
        limited.add(limit);
        return new Matching(jdbc.sql("SELECT t.id, " + sql.score() + " AS score FROM ticket t" + sql.join() + sql.where()
                        + " ORDER BY " + order(sort(q)) + " LIMIT ?")
                .params(limited).query((rs, n) -> new TicketId(rs.getLong(1))).list(), total);
    }

    record Matching(List<TicketId> ids, long total) {
    }

    /** The FROM's join, the WHERE and their parameters (in that order), and the score with its own. */
    private record Sql(String join, String where, List<Object> params, String score, List<Object> scoreParams) {
    }

    private static TicketQuery.Sort sort(TicketQuery q) {
        return q.sort() == TicketQuery.Sort.RELEVANCE && !q.searches() ? TicketQuery.Sort.DUE : q.sort();
    }

    private Sql sql(TicketQuery q, boolean publicOnly) {
        List<Object> params = new ArrayList<>();
        List<String> clauses = where(q, params, clock.instant());
        if (!q.searches()) {
            return new Sql("", clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), params, "0", List.of());
        }
        TicketTextIndex.Match match = index.match(q.text(), publicOnly);
        List<Object> all = new ArrayList<>(match.joinParams());
        all.addAll(params);
        all.addAll(match.whereParams());
        clauses.add(match.where());
        return new Sql(match.join(), " WHERE " + String.join(" AND ", clauses), all, match.score(), match.scoreParams());
    }

    /** The messages of these tickets a reader may see, in order, per ticket. */
    private Map<Long, List<String>> bodies(List<TicketView> items, boolean publicOnly) {
        Map<Long, List<String>> bodies = new HashMap<>();
        if (items.isEmpty()) {
            return bodies;
        }
        List<Object> ids = items.stream().<Object>map(t -> t.id().value()).toList();
        String kinds = publicOnly ? " AND kind IN ('CUSTOMER', 'AGENT', 'AUTOMATIC')" : "";
        jdbc.sql("SELECT ticket_id, body FROM message WHERE ticket_id IN (" + String.join(",", ids.stream().map(i -> "?").toList())
                        + ")" + kinds + " ORDER BY ticket_id, id").params(ids)
                .query(rs -> {
                    bodies.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return bodies;
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database this is", e);
        }
    }

    private static List<String> where(TicketQuery q, List<Object> params, Instant now) {
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
            for (String tag : q.tag().split(",")) {
                if (!tag.isBlank()) {
                    clauses.add("EXISTS (SELECT 1 FROM ticket_tag g WHERE g.ticket_id = t.id AND g.tag = ?)");
                    params.add(tag.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        if (q.receivedFrom() != null) {
            clauses.add("t.received_at >= ?");
            params.add(Timestamp.from(q.receivedFrom()));
        }
        if (q.receivedTo() != null) {
            clauses.add("t.received_at < ?");
            params.add(Timestamp.from(q.receivedTo()));
        }
        if (q.sla() == SlaRisk.BREACHED) {
            clauses.add("t.next_due_at <= ?");
            params.add(Timestamp.from(now));
        } else if (q.sla() == SlaRisk.SOON) {
            clauses.add("t.next_due_at <= ?");
            params.add(Timestamp.from(now.plus(SlaRisk.AT_RISK_WITHIN)));
        } else if (q.sla() == SlaRisk.AT_RISK) {
            clauses.add("t.next_due_at > ? AND t.next_due_at <= ?");
            params.add(Timestamp.from(now));
            params.add(Timestamp.from(now.plus(SlaRisk.AT_RISK_WITHIN)));
        }
        return clauses;
    }

    private static String in(String column, List<?> values, List<Object> params) {
        params.addAll(values);
        return column + " IN (" + String.join(",", values.stream().map(v -> "?").toList()) + ")";
    }

    private static String order(TicketQuery.Sort sort) {
        return switch (sort) {
            case RELEVANCE -> "score DESC, t.next_due_at ASC NULLS LAST, t.id ASC";
            case DUE -> "t.next_due_at ASC NULLS LAST, t.id ASC";
            case CREATED -> "t.received_at ASC, t.id ASC";
            case CREATED_DESC -> "t.received_at DESC, t.id DESC";
            case UPDATED_DESC -> "t.updated_at DESC, t.id DESC";
            case PRIORITY -> Keyset.PRIORITY_RANK + ", t.next_due_at ASC NULLS LAST, t.id ASC";
        };
    }

    /** The tickets with these ids, with their tags, in no particular order (the desk's own read, ids in chunks of 500). */
    List<TicketView> byIds(List<Long> ids) {
        List<TicketView> found = new java.util.ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += 500) {
            List<Object> params = new java.util.ArrayList<>();
            String where = in("t.id", ids.subList(from, Math.min(ids.size(), from + 500)), params);
            found.addAll(withTags(jdbc.sql("SELECT * FROM ticket t WHERE " + where).params(params).query(TicketSearch::row).list()));
        }
        return found;
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
