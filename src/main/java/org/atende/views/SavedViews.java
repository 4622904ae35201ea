package org.atende.views;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.atende.customers.Customers;
import org.atende.identity.Actor;
import org.atende.identity.Identity;
import org.atende.identity.Role;
import org.atende.identity.TeamId;
import org.atende.identity.UserSummary;
import org.atende.problems.Problem;
import org.atende.tickets.TicketFilter;
import org.atende.tickets.TicketPage;
import org.atende.tickets.TicketQuery;
import org.atende.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved views: list, read, create, change, delete (see {@link ViewRules} for who may), page through one,
 * and count what each holds. A count is the ticket list's (exact up to {@link TicketPage#COUNT_CAP}) and is
 * kept for {@link #COUNT_FRESH} per view and reader, so a desk refreshing every half minute for many agents
 * does not count every view each time.
 */
@Service
public class SavedViews {

    public static final String INVALID = "invalid-view";
    static final Duration COUNT_FRESH = Duration.ofSeconds(15);
    static final int MAX_NAME = 120;

    private final ViewStore store;
    private final Tickets tickets;
    private final Customers customers;
    private final Identity identity;
    private final Clock clock;
    private final Map<String, Counted> counts = new ConcurrentHashMap<>();

    private record Counted(long count, boolean exact, Instant at) {
    }

    SavedViews(ViewStore store, Tickets tickets, Customers customers, Identity identity, Clock clock) {
        this.store = store;
        this.tickets = tickets;
        this.customers = customers;
        this.identity = identity;
        this.clock = clock;
    }

    /** The views {@code actor} may see: personal ones first, then the team's, then shared ones, each by name. */
    @Transactional(readOnly = true)
    public List<SavedView> list(Actor actor) {
        staff(actor);
        if (actor.hasAtLeast(Role.LEAD)) {
            return store.visible(actor.userId().value(), null);
        }
        Long team = teamOf(actor);
        return store.visible(actor.userId().value(), team == null ? List.of() : List.of(team));
    }

    @Transactional(readOnly = true)
    public SavedView get(long id, Actor actor) {
        staff(actor);
        return store.find(id).filter(v -> ViewRules.maySee(v, actor, teamOf(actor)))
                .orElseThrow(() -> Problem.notFound("view " + id));
    }

    @Transactional
    public SavedView create(ViewDraft draft, Actor actor) {
        staff(actor);
        Valid v = valid(draft, actor);
        if (!ViewRules.mayWrite(v.scope(), actor.userId().value(), actor)) {
            throw Problem.forbidden(forbidden(v.scope()));
        }
        long id = store.insert(v.name(), v.scope(), v.team(), actor.userId().value(), v.filter(), v.sort(), v.columns(),
                clock.instant());
        return store.find(id).orElseThrow();
    }

    @Transactional
    public SavedView update(long id, ViewDraft draft, Actor actor) {
        SavedView current = get(id, actor);
        if (!ViewRules.mayWrite(current.scope(), current.ownerId(), actor)) {
            throw Problem.forbidden(forbidden(current.scope()));
        }
        Valid v = valid(draft, actor);
        if (!ViewRules.mayWrite(v.scope(), current.ownerId(), actor)) {
            throw Problem.forbidden(forbidden(v.scope()));
        }
        store.update(id, v.name(), v.scope(), v.team(), v.filter(), v.sort(), v.columns(), clock.instant());
        forget(id);
        return store.find(id).orElseThrow();
    }

    @Transactional
    public void delete(long id, Actor actor) {
        SavedView current = get(id, actor);
        if (!ViewRules.mayWrite(current.scope(), current.ownerId(), actor)) {
            throw Problem.forbidden(forbidden(current.scope()));
        }
        store.delete(id);
        forget(id);
    }

    /** May {@code actor} change or delete {@code view}? */
    public boolean mayChange(SavedView view, Actor actor) {
        return ViewRules.mayWrite(view.scope(), view.ownerId(), actor);
    }

    /** A page of the view's tickets: from the start, or after the cursor of the page before. */
    @Transactional(readOnly = true)
    public TicketPage tickets(long id, @Nullable String after, int size, Actor actor) {
        SavedView view = get(id, actor);
        TicketQuery query = view.filter().query(view.sort(), 0, size, customers, actor);
        return tickets.list(after == null || after.isBlank() ? query : query.from(after, size), actor);
    }

    /** Every ticket the view holds, in its order: what "select all" of a bulk change on the view takes. */
    @Transactional(readOnly = true)
    public TicketQuery matching(long id, Actor actor) {
        SavedView view = get(id, actor);
        return view.filter().query(view.sort(), 0, 1, customers, actor);
    }

    /** Every view {@code actor} sees with what it holds now (counts at most {@link #COUNT_FRESH} old). */
    @Transactional(readOnly = true)
    public List<ViewCount> counts(Actor actor) {
        List<ViewCount> all = new ArrayList<>();
        for (SavedView view : list(actor)) {
            all.add(count(view, actor));
        }
        return all;
    }

    private ViewCount count(SavedView view, Actor actor) {
        String key = view.id() + ":" + actor.userId().value();
        Instant now = clock.instant();
        Counted c = counts.get(key);
        if (c == null || c.at().plus(COUNT_FRESH).isBefore(now)) {
            TicketPage page = tickets.list(view.filter().query(view.sort(), 0, 1, customers, actor), actor);
            c = new Counted(page.total(), page.totalExact(), now);
            counts.put(key, c);
        }
        return new ViewCount(view, c.count(), c.exact());
    }

    private void forget(long id) {
        counts.keySet().removeIf(k -> k.startsWith(id + ":"));
    }

    private record Valid(String name, ViewScope scope, @Nullable Long team, TicketFilter filter, TicketQuery.Sort sort,
            List<ViewColumn> columns) {
    }

    private Valid valid(ViewDraft draft, Actor actor) {
        List<String> problems = new ArrayList<>();
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty()) {
            problems.add("name: a view needs a name");
        } else if (name.length() > MAX_NAME) {
            problems.add("name: at most " + MAX_NAME + " characters");
        }
        ViewScope scope = draft.scope() == null ? ViewScope.PERSONAL : draft.scope();
        Long team = null;
        if (scope == ViewScope.TEAM) {
            team = draft.teamId() != null ? draft.teamId() : teamOf(actor);
            if (team == null) {
                problems.add("teamId: a team's view names its team");
            } else if (identity.team(new TeamId(team)).isEmpty()) {
                problems.add("teamId: no team " + team);
            }
        }
        List<ViewColumn> columns = draft.columns() == null || draft.columns().isEmpty() ? ViewColumn.DEFAULTS
                : List.copyOf(new LinkedHashSet<>(draft.columns()));
        TicketFilter filter = draft.filter() == null ? TicketFilter.NONE : draft.filter();
        TicketQuery.Sort sort = draft.sort() == null
                ? (filter.q() == null || filter.q().isBlank() ? TicketQuery.Sort.DUE : TicketQuery.Sort.RELEVANCE) : draft.sort();
        if (!problems.isEmpty()) {
            throw Problem.invalid(INVALID, "Invalid view", problems);
        }
        filter.query(sort, 0, 1, customers, actor); // refuses a filter the ticket list would refuse, now rather than later
        return new Valid(name, scope, team, filter, sort, columns);
    }

    private @Nullable Long teamOf(Actor actor) {
        return identity.user(actor.userId()).map(UserSummary::teamId).map(TeamId::value).orElse(null);
    }

    private static void staff(Actor actor) {
        if (!actor.isStaff()) {
            throw Problem.forbidden("views are for Customer Care staff");
        }
    }

    private static String forbidden(ViewScope scope) {
        return switch (scope) {
            case PERSONAL -> "a personal view is its owner's to change";
            case TEAM, SHARED -> "only leads and admins share views with a team or everyone";
        };
    }
}
