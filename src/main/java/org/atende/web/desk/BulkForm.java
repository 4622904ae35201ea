package org.atende.web.desk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.atende.identity.TeamId;
import org.atende.identity.UserId;
import org.atende.tickets.BulkChange;
import org.atende.tickets.BulkSelection;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketChanges;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketType;
import org.jspecify.annotations.Nullable;

/**
 * The bulk toolbar as posted: the tickets ticked ({@code ticket}: "id:version", the version the row was shown
 * at) or every ticket of the list ({@code scope=all}), the action and its value; the list's search ({@code q})
 * and page ({@code page}, and a view's cursor {@code after}) to come back to.
 * What is missing is an {@link Incomplete} naming the message that says so.
 */
record BulkForm(@Nullable String scope, @Nullable List<String> ticket, @Nullable String q, @Nullable Integer page,
        @Nullable String after, @Nullable String action, @Nullable String assignee, @Nullable String team, @Nullable String status,
        @Nullable String priority, @Nullable String type, @Nullable String tags, @Nullable String mergeInto,
        @Nullable String mergeIntoNumber, @Nullable String confirmed) {

    static final String UNASSIGN = "none";

    boolean all() {
        return "all".equals(scope);
    }

    boolean isConfirmed() {
        return "true".equals(confirmed);
    }

    int pageOrFirst() {
        return page == null || page < 1 ? 1 : page;
    }

    /** The ticked tickets, each expected at the version its row showed. */
    BulkSelection ticked() {
        List<TicketId> ids = new ArrayList<>();
        Map<TicketId, Integer> versions = new HashMap<>();
        for (String value : ticket == null ? List.<String>of() : ticket) {
            String[] parts = value.split(":");
            try {
                TicketId id = new TicketId(Long.parseLong(parts[0].strip()));
                ids.add(id);
                if (parts.length > 1) {
                    versions.put(id, Integer.parseInt(parts[1].strip()));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a ticket: " + value);
            }
        }
        if (ids.isEmpty()) {
            throw new Incomplete("desk.bulk.error.none");
        }
        return BulkSelection.of(ids, versions);
    }

    /** The change; a merge names its target by number, which {@code byNumber} turns into the ticket. */
    BulkChange change(java.util.function.LongFunction<TicketId> byNumber) {
        String chosen = action == null ? "" : action;
        return switch (chosen) {
            case "assign" -> UNASSIGN.equals(assignee) ? update(null, null, null, null, null, true, Set.of(), Set.of())
                    : update(null, null, null, null, new UserId(id(assignee)), false, Set.of(), Set.of());
            case "team" -> update(null, null, null, new TeamId(id(team)), null, false, Set.of(), Set.of());
            case "status" -> update(TicketStatus.valueOf(required(status)), null, null, null, null, false, Set.of(), Set.of());
            case "priority" -> update(null, Priority.valueOf(required(priority)), null, null, null, false, Set.of(), Set.of());
            case "type" -> update(null, null, TicketType.valueOf(required(type)), null, null, false, Set.of(), Set.of());
            case "addTags" -> update(null, null, null, null, null, false, tagSet(), Set.of());
            case "removeTags" -> update(null, null, null, null, null, false, Set.of(), tagSet());
            case "merge" -> new BulkChange.Merge(byNumber.apply(mergeTarget()));
            case "spam" -> new BulkChange.MarkSpam();
            case "close" -> new BulkChange.Close();
            default -> throw new Incomplete("desk.bulk.error.action");
        };
    }

    private static BulkChange update(@Nullable TicketStatus status, @Nullable Priority priority, @Nullable TicketType type,
            @Nullable TeamId team, @Nullable UserId assignee, boolean unassign, Set<String> add, Set<String> remove) {
        return new BulkChange.Update(new TicketChanges(priority, type, null, status, assignee, unassign, team, null, add, remove));
    }

    private long mergeTarget() {
        String typed = mergeIntoNumber == null ? "" : mergeIntoNumber.replace("#", "").strip();
        return id(typed.isEmpty() ? mergeInto : typed);
    }

    private Set<String> tagSet() {
        Set<String> set = new LinkedHashSet<>();
        Arrays.stream(required(tags).split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(set::add);
        if (set.isEmpty()) {
            throw new Incomplete("desk.bulk.error.choose");
        }
        return set;
    }

    private static String required(@Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new Incomplete("desk.bulk.error.choose");
        }
        return value.strip();
    }

    private static long id(@Nullable String value) {
        try {
            return Long.parseLong(required(value).replace("#", "").strip());
        } catch (NumberFormatException e) {
            throw new Incomplete("desk.bulk.error.choose");
        }
    }

    /** Something the agent has still to choose; {@code key} names the message that says what. */
    static final class Incomplete extends RuntimeException {

        private final String key;

        Incomplete(String key) {
            super(key, null, false, false);
            this.key = key;
        }

        String key() {
            return key;
        }
    }
}
