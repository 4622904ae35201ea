package org.atende.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.atende.calendar.BusinessCalendar;
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
    private final BusinessCalendar supportCalendar;

    SlaClocks(ClockStore store, ClockBook book, BusinessCalendar supportCalendar) {
        this.store = store;
        this.book = book;
        this.supportCalendar = supportCalendar;
    }

    /**
     * Clocks whose breach was noticed in {@code (from, to]} (technical service left out), by breach time;
     * {@code markedAt} is the breach's time, its due time.
     */
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
     * What each clock of a ticket counted as read at {@code now}, first response then resolution; empty
     * for a ticket without clocks. Paused time is the business time the pauses took out.
     */
    public List<ClockMeasure> measure(TicketId ticket, Instant now) {
        return measure(List.of(ticket), now).getOrDefault(ticket, List.of());
    }

    /** {@link #measure(TicketId, Instant)} of many tickets in one query; tickets without clocks are left out. */
    public Map<TicketId, List<ClockMeasure>> measure(Collection<TicketId> tickets, Instant now) {
        Map<TicketId, List<ClockMeasure>> result = new LinkedHashMap<>();
        store.load(tickets).forEach((ticket, clocks) -> {
            List<StoredClock> stored = new ArrayList<>(clocks);
            stored.sort(java.util.Comparator.comparing(c -> c.key().kind()));
            List<ClockMeasure> measures = new ArrayList<>(stored.size());
            for (StoredClock c : stored) {
                ClockReading reading = book.read(c, now);
                ClockFacts facts = c.facts();
                long unpaused = facts.pauses().isEmpty() ? reading.elapsedSeconds() // without pauses, the same reading
                        : book.read(c.withFacts(new ClockFacts(facts.start(), facts.target(), List.of(), facts.stoppedAt())), now).elapsedSeconds();
                Instant pausedSince = facts.isPaused() ? facts.pauses().getLast().from() : null;
                Instant breachedAt = reading.breached() ? reading.dueAt() : null;
                measures.add(new ClockMeasure(c.key().kind(), reading.state(), c.isStopped(), reading.elapsedSeconds(),
                        Math.max(0, unpaused - reading.elapsedSeconds()), reading.dueAt(), c.excludedSince(), pausedSince,
                        breachedAt, breachedAt == null ? null : c.breachNoticedAt()));
            }
            result.put(ticket, measures);
        });
        return result;
    }

    /**
     * The tickets about to breach or breached: those with a counting clock (running or past due, neither
     * stopped, paused nor excluded) that has been warned of or is due within {@code businessTime} of
     * {@code now} on the support calendar. The queue of what needs attention first; order and page it
     * with the tickets' own due time.
     */
    public Set<TicketId> breachingWithin(Instant now, Duration businessTime) {
        return store.counting(supportCalendar.add(ClockBook.second(now), businessTime));
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
