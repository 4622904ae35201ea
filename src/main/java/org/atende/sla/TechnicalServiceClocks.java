package org.atende.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.atende.sla.internal.ClockStore;
import org.atende.sla.internal.FirstReplies;
import org.atende.sla.internal.StoredClock;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketReclassified;
import org.atende.tickets.TicketStatus;
import org.springframework.stereotype.Component;

/**
 * What a move between support and technical service does to a ticket's clocks. The support terms put
 * technical service (database work, quoted) outside the SLA, so:
 * <ul>
 * <li>leaving support, the clocks stop counting: a clock still running gets a pause
 * {@value #PAUSE_REASON} from the move (a pause open then, waiting on the customer, ends there), and
 * both clocks are marked excluded; a clock already stopped keeps its outcome. While excluded nothing
 * is due, the sweep leaves them alone, and status and priority changes wait for the return. A public
 * agent reply in that time is the first response (see {@link TicketClockListener}).</li>
 * <li>coming back, the clocks count again from the ticket's receipt with every pause in between: the
 * technical-service pause ends at the move, the exclusion is lifted, the ticket's current status is
 * applied as a status change would be (a pausing status pauses the resolution clock, RESOLVED or
 * CLOSED stops both, an open status resumes a resolved clock), and the targets follow the current
 * priority under the terms in force. A ticket opened as technical service gets its clocks then,
 * started at its receipt with the time until the move as a pause; a public agent reply written
 * before stops its first-response clock.</li>
 * </ul>
 * Each move is one line on the timeline; a repeated event changes nothing. Runs in the ticket's
 * transaction, called by {@link TicketClockListener}.
 */
@Component
class TechnicalServiceClocks {

    static final String PAUSE_REASON = "TECHNICAL_SERVICE";

    private final ClockStore store;
    private final ClockBook book;
    private final ClockTerms terms;
    private final FirstReplies firstReplies;
    private final Clock clock;

    TechnicalServiceClocks(ClockStore store, ClockBook book, ClockTerms terms, FirstReplies firstReplies, Clock clock) {
        this.store = store;
        this.book = book;
        this.terms = terms;
        this.firstReplies = firstReplies;
        this.clock = clock;
    }

    void leave(TicketId ticket, Instant at) {
        List<StoredClock> clocks = store.lock(ticket);
        if (clocks.stream().allMatch(StoredClock::isExcluded)) {
            return; // none, or excluded already
        }
        Instant since = ClockBook.second(at);
        Instant now = clock.instant();
        for (StoredClock c : clocks) {
            if (c.isExcluded()) {
                continue;
            }
            store.exclude(c.key(), since);
            if (!c.isStopped()) {
                book.settle(c.withFacts(pausedFrom(c, since)), now);
            }
        }
        book.refreshNextDue(ticket);
        book.record(ticket, ClockBook.EXCLUDED, since, "SLA clocks stopped: reclassified as technical service");
    }

    void comeBack(TicketReclassified e) {
        TicketId ticket = e.ticketId();
        List<StoredClock> clocks = store.lock(ticket);
        if (!clocks.isEmpty() && clocks.stream().noneMatch(StoredClock::isExcluded)) {
            terms.reprioritise(ticket, e.priority(), e.at()); // back already: a repeated event
            return;
        }
        Instant at = ClockBook.second(e.at());
        Instant now = clock.instant();
        ClockTerms.InForce inForce = terms.inForce(ticket, e.organisationId());
        if (clocks.isEmpty()) {
            clocks = created(e, inForce, now);
        }
        Set<TicketStatus> pausing = inForce.policy().pausingStatuses();
        for (StoredClock c : clocks) {
            if (c.isExcluded()) {
                store.include(c.key());
                book.settle(withStatus(c.withFacts(resumed(c, at)), e.status(), pausing, at), now);
            }
        }
        terms.apply(ticket, e.priority(), inForce.policy().id(), true, inForce.calendarId(), at,
                "the return to support at priority " + e.priority());
        book.refreshNextDue(ticket);
        book.record(ticket, ClockBook.RESTARTED, at, summary(ticket, ClockBook.second(e.receivedAt()), now));
    }

    /** Clocks for a ticket opened as technical service: from its receipt, excluded until now, answered if it was. */
    private List<StoredClock> created(TicketReclassified e, ClockTerms.InForce inForce, Instant now) {
        Instant start = ClockBook.second(e.receivedAt());
        book.start(e.ticketId(), e.priority(), inForce, start, now);
        Instant replied = firstReplies.of(e.ticketId());
        for (StoredClock c : store.lock(e.ticketId())) {
            store.addPause(c.key(), start, null, PAUSE_REASON);
            store.exclude(c.key(), start);
        }
        for (StoredClock c : store.lock(e.ticketId())) {
            if (c.key().kind() == ClockKind.FIRST_RESPONSE && replied != null) {
                book.settle(book.answered(c, replied), now);
            }
        }
        return store.lock(e.ticketId());
    }

    /** A running clock's facts with a technical-service pause open from {@code at}, the pause open then closed there. */
    private ClockFacts pausedFrom(StoredClock c, Instant at) {
        ClockFacts f = c.facts();
        List<Pause> pauses = new ArrayList<>(f.pauses());
        Instant from = at.isBefore(f.start()) ? f.start() : at;
        if (!pauses.isEmpty()) {
            Pause last = pauses.getLast();
            Instant lastInstant = last.to() == null ? last.from() : last.to();
            from = from.isBefore(lastInstant) ? lastInstant : from;
            if (last.isOpen()) {
                store.closePause(c.key(), from);
                pauses.set(pauses.size() - 1, new Pause(last.from(), from));
            }
        }
        store.addPause(c.key(), from, null, PAUSE_REASON);
        pauses.add(new Pause(from, null));
        return new ClockFacts(f.start(), f.target(), pauses, null);
    }

    /** The facts with the pause open since the move (technical service) ended at {@code at}. */
    private ClockFacts resumed(StoredClock c, Instant at) {
        ClockFacts f = c.facts();
        if (!f.isPaused()) {
            return f; // stopped: it keeps its outcome
        }
        List<Pause> pauses = new ArrayList<>(f.pauses());
        Pause last = pauses.getLast();
        Instant to = at.isBefore(last.from()) ? last.from() : at;
        store.closePause(c.key(), to);
        pauses.set(pauses.size() - 1, new Pause(last.from(), to));
        return new ClockFacts(f.start(), f.target(), pauses, null);
    }

    /** The ticket's current status applied to a clock as a status change would be. */
    private StoredClock withStatus(StoredClock c, TicketStatus status, Set<TicketStatus> pausing, Instant at) {
        ClockFacts f = c.facts();
        if (c.key().kind() == ClockKind.RESOLUTION) {
            var plan = ResolutionTransition.plan(f, TicketStatus.RESOLVED, status, pausing, at);
            book.write(c.key(), plan);
            return c.withFacts(plan.after());
        }
        if (ResolutionTransition.STOPPING.contains(status) && !c.isStopped()) {
            return book.answered(c, at); // solved while technical service: answered by being solved
        }
        return c;
    }

    private String summary(TicketId ticket, Instant receivedAt, Instant now) {
        List<String> clocks = new ArrayList<>();
        Set<Pause> pauses = new LinkedHashSet<>();
        for (StoredClock c : store.lock(ticket)) {
            pauses.addAll(c.facts().pauses());
            ClockReading reading = book.read(c, now);
            String label = c.key().kind().label().toLowerCase(java.util.Locale.ROOT);
            clocks.add(label + " " + switch (reading.state()) {
                case MET -> "met";
                case BREACHED -> c.isStopped() ? "missed" : "missed, due " + reading.dueAt();
                case PAUSED -> "paused";
                case RUNNING -> "due " + reading.dueAt();
            });
        }
        return "SLA clocks restarted from receipt %s with %d pause%s: %s".formatted(receivedAt, pauses.size(),
                pauses.size() == 1 ? "" : "s", String.join(", ", clocks));
    }
}
