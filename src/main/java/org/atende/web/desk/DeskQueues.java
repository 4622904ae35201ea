package org.atende.web.desk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.atende.identity.Actor;
import org.atende.identity.TeamId;
import org.atende.sla.SlaClocks;
import org.atende.sla.TicketClocks;
import org.atende.tickets.SlaRisk;
import org.atende.tickets.TicketFilter;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketPage;
import org.atende.tickets.TicketQuery;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketType;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What each queue holds, as a ticket list ordered by what breaches first. The filters are the
 * tickets module's; "breaching soon" asks the SLA module which tickets have a clock warned of, past
 * due, or due within {@link #SOON} of business time.
 */
@Component
class DeskQueues {

    static final int PAGE_SIZE = 50;
    static final Duration SOON = Duration.ofHours(2);
    private static final Set<TicketStatus> WORKED_ON = EnumSet.of(TicketStatus.NEW, TicketStatus.OPEN,
            TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.ON_HOLD);

    private final Tickets tickets;
    private final SlaClocks clocks;
    private final Names names;
    private final Clock clock;

    DeskQueues(Tickets tickets, SlaClocks clocks, Names names, Clock clock) {
        this.tickets = tickets;
        this.clocks = clocks;
        this.names = names;
        this.clock = clock;
    }

    /**
     * A page of a queue, as the table shows it; {@code page} counts from 0. With {@code after} (the cursor the
     * page before gave) the page is read by keyset from there and {@code page} only numbers it.
     */
    QueueView page(DeskQueue queue, @Nullable String text, int page, @Nullable String after, Actor actor, Locale locale) {
        Instant now = clock.instant();
        Context context = new Context(actor, names.teamOf(actor), now);
        TicketQuery query = query(queue, text, page, PAGE_SIZE, context);
        TicketPage found = tickets.list(after == null || after.isBlank() ? query : query.from(after, PAGE_SIZE), actor);
        Map<TicketId, TicketClocks> read = clocks.clocksOf(found.items().stream().map(TicketView::id).toList(), now);
        List<QueueRow> rows = found.items().stream().map(t -> new QueueRow(t, names.organisation(t.organisationId()),
                t.assigneeId() == null ? null : names.user(t.assigneeId()),
                ClockFormat.next(t, read.getOrDefault(t.id(), TicketClocks.NONE), now, locale), found.snippet(t.id()))).toList();
        Map<DeskQueue, String> counts = new EnumMap<>(DeskQueue.class);
        for (DeskQueue q : DeskQueue.values()) {
            TicketPage counted = q == queue ? found : tickets.list(query(q, null, 0, 1, context), actor);
            counts.put(q, QueueView.count(counted.total(), counted.totalExact()));
        }
        int pages = (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        return new QueueView(queue, rows, counts, page, pages, found.total(), text, ClockFormat.LISBON.getId(),
                java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").format(now.atZone(ClockFormat.LISBON)),
                found.next(), found.totalExact(), after == null || after.isBlank() ? null : after);
    }

    /** The queue and its words as a ticket list's filter: what "save as a view" keeps. */
    TicketFilter filter(DeskQueue queue, @Nullable String text, Actor actor) {
        Set<TicketStatus> worked = WORKED_ON;
        Long assignee = null;
        Long team = null;
        Boolean unassigned = null;
        TicketType type = null;
        SlaRisk sla = null;
        switch (queue) {
            case MINE -> assignee = actor.userId().value();
            case TEAM -> {
                TeamId t = names.teamOf(actor);
                team = t == null ? null : t.value();
            }
            case UNASSIGNED -> unassigned = true;
            case BREACHING -> sla = SlaRisk.SOON;
            case WAITING -> worked = EnumSet.of(TicketStatus.WAITING_ON_CUSTOMER);
            case TECHNICAL -> type = TicketType.TECHNICAL_SERVICE;
            case ALL -> worked = null;
        }
        return new TicketFilter(worked, null, null, assignee, team, null, null, type,
                text == null || text.isBlank() ? null : text.strip(), null, null, null, null, sla, unassigned);
    }

    /** Every ticket of a queue (and its search), not one page: what "select all" in the queue selects. */
    TicketQuery matching(DeskQueue queue, @Nullable String text, Actor actor) {
        return query(queue, text, 0, 1, new Context(actor, names.teamOf(actor), clock.instant()));
    }

    private record Context(Actor actor, @Nullable TeamId team, Instant now) {
    }

    private TicketQuery query(DeskQueue queue, @Nullable String text, int page, int size, Context c) {
        Set<TicketStatus> statuses = WORKED_ON;
        var assignee = (org.atende.identity.UserId) null;
        TeamId team = null;
        Boolean assigned = null;
        TicketType type = null;
        Set<TicketId> ids = null;
        switch (queue) {
            case MINE -> assignee = c.actor().userId();
            case TEAM -> {
                team = c.team();
                if (team == null) {
                    ids = Set.of(); // no team, no team queue
                }
            }
            case UNASSIGNED -> assigned = false;
            case BREACHING -> ids = clocks.breachingWithin(c.now(), SOON);
            case WAITING -> statuses = EnumSet.of(TicketStatus.WAITING_ON_CUSTOMER);
            case TECHNICAL -> type = TicketType.TECHNICAL_SERVICE;
            case ALL -> statuses = Set.of();
        }
        String words = text == null || text.isBlank() ? null : text.strip();
        return new TicketQuery(statuses, Set.of(), null, assignee, team, null, null, type, words, null, null,
                words == null ? TicketQuery.Sort.DUE : TicketQuery.Sort.RELEVANCE, page, size, assigned, ids);
    }
}
