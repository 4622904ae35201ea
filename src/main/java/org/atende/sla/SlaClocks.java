package org.atende.sla;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.atende.sla.internal.ClockStore;
import org.atende.sla.internal.StoredClock;
import org.atende.tickets.TicketId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A ticket's SLA clocks, read live: what the stored row says is what the sweep last saw, the view is
 * computed at {@code now} on the clock's calendar. The clocks themselves move with the ticket's events.
 */
@Service
@Transactional(readOnly = true)
public class SlaClocks {

    private final ClockStore store;
    private final ClockBook book;
    private final org.atende.calendar.BusinessCalendar supportCalendar;

    SlaClocks(ClockStore store, ClockBook book, org.atende.calendar.BusinessCalendar supportCalendar) {
        this.store = store;
        this.book = book;
        this.supportCalendar = supportCalendar;
    }

    /** Clocks whose breach was marked in {@code (from, to]} (technical service left out), oldest first. */
    public List<ClockMark> breachedBetween(Instant from, Instant to) {
        return store.breachedBetween(from, to).stream()
                .map(r -> new ClockMark(r.key().ticket(), r.key().kind(), r.dueAt(), r.markedAt())).toList();
    }

    /**
     * Counting clocks at risk at {@code now}: not breached, and warned or due within the next business day
     * on the support calendar; soonest due first. {@code markedAt} is the warning, when there was one.
     */
    public List<ClockMark> atRisk(Instant now) {
        return store.atRisk(supportCalendar.addDays(now, 1)).stream()
                .map(r -> new ClockMark(r.key().ticket(), r.key().kind(), r.dueAt(), r.markedAt())).toList();
    }

    /** The clocks of one ticket; {@link TicketClocks#NONE} when it has none. */
    public TicketClocks clocksOf(TicketId ticket, Instant now) {
        return clocksOf(List.of(ticket), now).get(ticket);
    }

    /** The clocks of many tickets (a queue page) in one query; every ticket asked for is in the answer. */
    public Map<TicketId, TicketClocks> clocksOf(Collection<TicketId> tickets, Instant now) {
        Map<TicketId, List<StoredClock>> stored = store.load(tickets);
        Map<TicketId, TicketClocks> result = new LinkedHashMap<>();
        for (TicketId ticket : tickets) {
            ClockView first = null;
            ClockView resolution = null;
            for (StoredClock c : stored.getOrDefault(ticket, List.of())) {
                ClockView view = ClockView.of(book.read(c, now), c);
                if (c.key().kind() == ClockKind.FIRST_RESPONSE) {
                    first = view;
                } else {
                    resolution = view;
                }
            }
            result.put(ticket, first == null && resolution == null ? TicketClocks.NONE : new TicketClocks(first, resolution));
        }
        return result;
    }

    /**
     * Since when a ticket's clocks are excluded from the SLA, because it is technical service; empty for
     * a support ticket (and for a ticket without clocks). Reports leave excluded clocks out.
     */
    public Optional<Instant> excludedSince(TicketId ticket) {
        return Optional.ofNullable(store.excludedSince(ticket));
    }

    /** True while a ticket's clocks are excluded from the SLA (see {@link #excludedSince}). */
    public boolean isExcluded(TicketId ticket) {
        return excludedSince(ticket).isPresent();
    }
}
